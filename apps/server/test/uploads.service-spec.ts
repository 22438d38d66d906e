import { ErrorCode, MAX_CASE_PHOTOS, MAX_PHOTO_BYTES } from '@jws/contracts';
import { existsSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { DomainException } from '../src/common/domain.exception';
import { FILE_STORAGE, LocalDiskStorage } from '../src/uploads/storage';
import { UploadsJanitor } from '../src/uploads/uploads.janitor';
import { UploadsService } from '../src/uploads/uploads.service';
import { bearer, startTestApp, TestApp } from './test-app';
import { codeOf } from './error-code';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small photo made at test time: 40×30 stored, so orientation is visible in its size. */
const photo = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 180, g: 60, b: 40 } } });

describe('photo uploads (MariaDB)', () => {
  let t: TestApp;
  let resident: string;
  let uploads: UploadsService;
  let residentId: number;
  let otherId: number;
  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.login('resident1');
    uploads = t.app.get(UploadsService);
    const rows: { id: number; username: string }[] = await t.dataSource.query(
      "SELECT id, username FROM users WHERE username IN ('resident1', 'resident2')",
    );
    residentId = rows.find((r) => r.username === 'resident1')!.id;
    otherId = rows.find((r) => r.username === 'resident2')!.id;
  });
  afterAll(() => t.close());

  const upload = (token: string, data: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') =>
    t.http.post('/api/uploads').set(bearer(token)).attach('file', data, { filename, contentType });

  const download = (token: string, url: string) => t.http.get(url).set(bearer(token)).responseType('blob');

  /** Uploads through the API as resident1 and returns the new id. */
  const uploadedId = async (): Promise<string> =>
    (await upload(resident, await photo().jpeg().toBuffer()).expect(201)).body.id as string;

  it('removes EXIF (GPS position, camera), XMP and the colour profile from a photo before anyone can download it', async () => {
    const original = await photo()
      .jpeg()
      .withExif({
        IFD0: { Make: 'SecretCam', Model: 'Spy-9000' },
        IFD3: {
          GPSLatitudeRef: 'N', GPSLatitude: '33/1 57/1 1234/100',
          GPSLongitudeRef: 'E', GPSLongitude: '117/1 23/1 4567/100',
          GPSMapDatum: 'WGS-84-HOME',
        },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description about="home-address-xmp"/></rdf:RDF></x:xmpmeta>')
      .withIccProfile('p3')
      .toBuffer();
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(original.includes('WGS-84-HOME')).toBe(true);

    const res = await upload(resident, original).expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: `/api/uploads/${res.body.id}`,
      bytes: expect.any(Number),
      contentType: 'image/jpeg',
    });

    const got = await download(resident, res.body.url).expect(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toContain('private');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const stored = got.body as Buffer;
    expect(stored.length).toBe(res.body.bytes);
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 40, height: 30 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    for (const secret of ['SecretCam', 'Spy-9000', 'WGS-84-HOME', 'home-address-xmp', 'Exif']) {
      expect(stored.includes(secret)).toBe(false);
    }
  });

  it('shows a sideways phone photo upright (EXIF orientation applied, then removed)', async () => {
    const sideways = await photo().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const res = await upload(resident, sideways).expect(201);
    const meta = await sharp((await download(resident, res.body.url).expect(200)).body as Buffer).metadata();
    expect(meta).toMatchObject({ width: 30, height: 40 });
    expect(meta.orientation).toBeUndefined();
  });

  it('accepts PNG and WebP photos and serves them with their real type, whatever name and type the client sent', async () => {
    const png = await upload(resident, await photo().png().toBuffer(), 'photo.jpg', 'image/jpeg').expect(201);
    expect(png.body.contentType).toBe('image/png');
    const pngGot = await download(resident, png.body.url).expect(200);
    expect(pngGot.headers['content-type']).toBe('image/png');
    expect((await sharp(pngGot.body as Buffer).metadata()).format).toBe('png');

    const webp = await upload(resident, await photo().webp().toBuffer(), 'image.webp', 'application/octet-stream').expect(201);
    expect(webp.body.contentType).toBe('image/webp');
    const webpGot = await download(resident, webp.body.url).expect(200);
    expect(webpGot.headers['content-type']).toBe('image/webp');
    expect((await sharp(webpGot.body as Buffer).metadata()).format).toBe('webp');
  });

  it('refuses a text file renamed .jpg and sent as image/jpeg with 只能上传 JPG、PNG 或 WebP 图片', async () => {
    const res = await upload(resident, Buffer.from('这不是图片 — just text pretending to be a photo\n'.repeat(20)), 'photo.jpg').expect(400);
    expect(res.body).toEqual({ code: ErrorCode.UploadTypeNotAllowed, message: '只能上传 JPG、PNG 或 WebP 图片' });

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(resident, svg, 'photo.png', 'image/png').expect(400)).body.code).toBe(ErrorCode.UploadTypeNotAllowed);
    const gif = await photo().gif().toBuffer();
    expect((await upload(resident, gif, 'photo.gif', 'image/gif').expect(400)).body.code).toBe(ErrorCode.UploadTypeNotAllowed);
  });

  it('refuses a file that starts like a JPEG but is not a readable image', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2048)]);
    expect((await upload(resident, broken).expect(400)).body.code).toBe(ErrorCode.UploadTypeNotAllowed);
  });

  it('refuses a photo over 5 MB with 413 图片太大', async () => {
    const sixMb = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(6 * 1024 * 1024)]);
    const res = await upload(resident, sixMb).expect(413);
    expect(res.body).toEqual({ code: ErrorCode.UploadTooLarge, message: '图片太大，请选择5MB以内的图片' });
    // Just one byte over the limit answers the same.
    const justOver = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(MAX_PHOTO_BYTES - 3)]);
    expect((await upload(resident, justOver).expect(413)).body.code).toBe(ErrorCode.UploadTooLarge);
  });

  it('asks for the image in the file field', async () => {
    const jpeg = await photo().jpeg().toBuffer();
    const wrongField = await t.http.post('/api/uploads').set(bearer(resident)).attach('photo', jpeg, 'photo.jpg').expect(400);
    expect(wrongField.body).toMatchObject({ code: ErrorCode.ValidationFailed, details: ['请用 file 字段上传一张图片'] });
    const noFile = await t.http.post('/api/uploads').set(bearer(resident)).send({ file: 'x' }).expect(400);
    expect(noFile.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('does not show my upload to another user: 404, exactly as for an id that does not exist', async () => {
    const res = await upload(resident, await photo().jpeg().toBuffer()).expect(201);
    const other = await t.login('resident2');
    const hidden = await t.http.get(res.body.url).set(bearer(other)).expect(404);
    expect(hidden.body.code).toBe(ErrorCode.NotFound);
    const unknown = await t.http.get(`/api/uploads/${randomUUID()}`).set(bearer(other)).expect(404);
    expect(unknown.body).toEqual(hidden.body);
    const malformed = await t.http.get('/api/uploads/..%2F..%2Fjwt.secret').set(bearer(other)).expect(404);
    expect(malformed.body).toEqual(hidden.body);
    // Staff cannot browse residents' drafts either.
    const officer = await t.login('officer1');
    await t.http.get(res.body.url).set(bearer(officer)).expect(404);
  });

  it('requires sign-in to upload or view', async () => {
    const res = await t.http.post('/api/uploads').attach('file', await photo().jpeg().toBuffer(), 'photo.jpg').expect(401);
    expect(res.body.code).toBe(ErrorCode.Unauthenticated);
    await t.http.get(`/api/uploads/${randomUUID()}`).expect(401);
  });

  it('lets staff upload evidence too', async () => {
    const officer = await t.login('officer1');
    const res = await upload(officer, await photo().jpeg().toBuffer()).expect(201);
    await download(officer, res.body.url).expect(200);
  });

  it('keeps stored files inside DATA_DIR/uploads', async () => {
    const id = await uploadedId();
    const storage = t.app.get<LocalDiskStorage>(FILE_STORAGE);
    const [row] = await t.dataSource.query('SELECT storage_key AS storageKey FROM uploads WHERE id = ?', [id]);
    expect(existsSync(join(storage.root, row.storageKey))).toBe(true);
    for (const key of ['../jwt.secret', '/etc/passwd', 'a/../../b.jpg', 'a\\..\\b.jpg', '']) {
      expect(() => storage.pathOf(key)).toThrow('invalid storage key');
    }
  });

  it('documents the upload in OpenAPI as multipart with a binary file field and its error codes', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const post = doc.paths['/api/uploads'].post;
    expect(post.requestBody.content['multipart/form-data'].schema).toMatchObject({
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
    expect(post.responses['201']).toBeDefined();
    expect(JSON.stringify(post.responses)).toContain(ErrorCode.UploadTooLarge);
    expect(JSON.stringify(post.responses)).toContain(ErrorCode.UploadTypeNotAllowed);
    expect(doc.paths['/api/uploads/{id}'].get.responses['200']).toBeDefined();
  });

  describe('attaching photos to a case (for the cases module)', () => {
    it('attaches the owner’s photos to a case, serves them by id and lists them for the case', async () => {
      const ids = [await uploadedId(), await uploadedId()];
      const photos = await t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, ids, 1001));
      expect(photos.map((p) => p.id)).toEqual(ids);
      expect(photos[0]).toMatchObject({ contentType: 'image/jpeg', bytes: expect.any(Number) });
      expect((await uploads.photosOf(1001)).map((p) => p.id).sort()).toEqual([...ids].sort());
      const image = await uploads.read(ids[0]);
      expect(image.contentType).toBe('image/jpeg');
      expect((await sharp(image.buffer).metadata()).format).toBe('jpeg');
      expect(await uploads.photosOf(1002)).toEqual([]);
    });

    it('refuses a photo that is someone else’s, already used, or unknown with 图片不存在或已过期', async () => {
      const mine = await uploadedId();
      const claim = (owner: number, ids: string[], caseId: number) =>
        codeOf(t.dataSource.transaction((m) => uploads.claimForCase(m, owner, ids, caseId)));
      expect(await claim(otherId, [mine], 2001)).toBe(ErrorCode.UploadNotFound);
      expect(await claim(residentId, [mine, randomUUID()], 2001)).toBe(ErrorCode.UploadNotFound);
      expect(await claim(residentId, [mine, 'not-an-id'], 2001)).toBe(ErrorCode.UploadNotFound);
      // None of the failed claims attached anything.
      expect(await uploads.photosOf(2001)).toEqual([]);
      expect(await claim(residentId, [mine], 2002)).toBe('resolved');
      expect(await claim(residentId, [mine], 2003)).toBe(ErrorCode.UploadNotFound);
      expect((await uploads.photosOf(2002)).map((p) => p.id)).toEqual([mine]);
    });

    it(`refuses more than ${MAX_CASE_PHOTOS} photos for one case, and the same photo twice`, async () => {
      const ids = Array.from({ length: MAX_CASE_PHOTOS + 1 }, () => randomUUID());
      const tooMany = await t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, ids, 3001)).catch((e: unknown) => e);
      expect(tooMany).toBeInstanceOf(DomainException);
      expect(tooMany).toMatchObject({ code: ErrorCode.ValidationFailed, details: [`最多上传${MAX_CASE_PHOTOS}张图片`] });
      const id = await uploadedId();
      expect(await codeOf(t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, [id, id], 3001)))).toBe(
        ErrorCode.ValidationFailed,
      );
    });

    it('lets only one of two simultaneous submissions use the same photo', async () => {
      const id = await uploadedId();
      const first = t.dataSource.transaction(async (m) => {
        await uploads.claimForCase(m, residentId, [id], 4001);
        await sleep(300); // still open while the second one tries
      });
      await sleep(50);
      const second = t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, [id], 4002));
      const [a, b] = await Promise.allSettled([first, second]);
      expect(a.status).toBe('fulfilled');
      expect(b).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.UploadNotFound } });
      expect((await uploads.photosOf(4001)).map((p) => p.id)).toEqual([id]);
      expect(await uploads.photosOf(4002)).toEqual([]);
    });

    it('leaves the photo free when the case submission fails after attaching it', async () => {
      const id = await uploadedId();
      await expect(
        t.dataSource.transaction(async (m) => {
          await uploads.claimForCase(m, residentId, [id], 5001);
          throw new Error('case insert failed');
        }),
      ).rejects.toThrow('case insert failed');
      expect(await uploads.photosOf(5001)).toEqual([]);
      await t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, [id], 5002));
      expect((await uploads.photosOf(5002)).map((p) => p.id)).toEqual([id]);
    });

    it('purges old photos no case used, with their files, and keeps photos of cases', async () => {
      const abandoned = await uploadedId();
      const used = await uploadedId();
      await t.dataSource.transaction((m) => uploads.claimForCase(m, residentId, [used], 6001));
      await t.dataSource.query('UPDATE uploads SET created_at = ? WHERE id IN (?, ?)', [new Date(Date.now() - 3 * 86_400_000), abandoned, used]);
      const [row] = await t.dataSource.query('SELECT storage_key AS storageKey FROM uploads WHERE id = ?', [abandoned]);
      const storage = t.app.get<LocalDiskStorage>(FILE_STORAGE);

      expect(await uploads.purgeUnclaimed(new Date(Date.now() - 86_400_000))).toBeGreaterThanOrEqual(1);
      expect(existsSync(join(storage.root, row.storageKey))).toBe(false);
      await download(resident, `/api/uploads/${abandoned}`).expect(404);
      expect((await uploads.read(used)).contentType).toBe('image/jpeg');
    });

    it('lets the janitor delete photos of drafts abandoned for over a week, and keep recent ones', async () => {
      const old = await uploadedId();
      const recent = await uploadedId();
      await t.dataSource.query('UPDATE uploads SET created_at = ? WHERE id = ?', [new Date(Date.now() - 8 * 86_400_000), old]);
      await t.dataSource.query('UPDATE uploads SET created_at = ? WHERE id = ?', [new Date(Date.now() - 6 * 86_400_000), recent]);
      await t.app.get(UploadsJanitor).tick(new Date());
      await download(resident, `/api/uploads/${old}`).expect(404);
      await download(resident, `/api/uploads/${recent}`).expect(200);
    });
  });
});
