import { Controller, Get, Head, Header, HttpCode, INestApplication, Module, Post, StreamableFile } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { JsonExpressAdapter } from './json-express-adapter';

@Controller()
class SampleController {
  @Get('object') object() {
    return { name: '胜利社区', count: 2, at: new Date(Date.UTC(2026, 11, 7)) };
  }
  @Get('list') list() {
    return [1, 2, 3];
  }
  @Post('created') created() {
    return { id: 7 };
  }
  @Post('ok') @HttpCode(200) ok() {
    return { ok: true };
  }
  @Get('cached') @Header('Cache-Control', 'no-store') cached() {
    return { cached: false };
  }
  @Get('text') text() {
    return '纯文本';
  }
  @Get('csv') @Header('Content-Type', 'text/csv; charset=utf-8') csv() {
    return { not: 'json' };
  }
  @Get('file') file() {
    return new StreamableFile(Buffer.from('bytes'), { type: 'application/octet-stream' });
  }
  @Get('empty') empty() {
    return undefined;
  }
  @Head('object') head() {
    return { name: 'head' };
  }
}

@Module({ controllers: [SampleController] })
class SampleModule {}

describe('JsonExpressAdapter', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await NestFactory.create(SampleModule, new JsonExpressAdapter(), { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('answers a plain object or array as JSON with its length, status and the headers the handler set', async () => {
    const object = await request(app.getHttpServer()).get('/object').expect(200);
    expect(object.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(object.body).toEqual({ name: '胜利社区', count: 2, at: '2026-12-07T00:00:00.000Z' });
    expect(Number(object.headers['content-length'])).toBe(Buffer.byteLength(object.text));
    expect((await request(app.getHttpServer()).get('/list').expect(200)).body).toEqual([1, 2, 3]);
    expect((await request(app.getHttpServer()).post('/created').expect(201)).body).toEqual({ id: 7 });
    expect((await request(app.getHttpServer()).post('/ok').expect(200)).body).toEqual({ ok: true });
    expect((await request(app.getHttpServer()).get('/cached').expect(200)).headers['cache-control']).toBe('no-store');
  });

  it('leaves text, a chosen Content-Type, files, empty answers and HEAD to Nest', async () => {
    const text = await request(app.getHttpServer()).get('/text').expect(200);
    expect(text.text).toBe('纯文本');
    expect(text.headers['content-type']).toMatch(/^text\/html/);
    expect((await request(app.getHttpServer()).get('/csv').expect(200)).headers['content-type']).toBe('text/csv; charset=utf-8');
    const file = await request(app.getHttpServer()).get('/file').buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.from(file.body as Buffer).toString()).toBe('bytes');
    expect((await request(app.getHttpServer()).get('/empty').expect(200)).text).toBe('');
    const head = await request(app.getHttpServer()).head('/object').expect(200);
    expect(head.text).toBeUndefined();
  });
});
