import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './schema-helpers';

/**
 * Mediation rooms (网上调解室): rooms and caucus channels, members, invitations, messages with a
 * per-room sequence, agreements and confirmations, performance follow-ups (scheduler rows with
 * leases), offline rooms (警民联调室) with bookable slots; uploads can belong to a room.
 */
export class Mediation1764400000000 implements MigrationInterface {
  name = 'Mediation1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const idx = (columnNames: string[], name: string, isUnique = false) => new TableIndex({ name, columnNames, isUnique });
    const table = (name: string, columns: ReturnType<typeof c.id>[], indices: TableIndex[] = []) =>
      queryRunner.createTable(new Table({ name, columns, indices }));

    await table(
      'mediation_rooms',
      [
        c.id(), c.int('case_id'), c.int('parent_id', { nullable: true }), c.int('caucus_member_id', { nullable: true }),
        c.str('status', 20), c.str('org_path', 255), c.int('officer_id', { nullable: true }), c.str('title', 100),
        c.int('last_seq', { default: 0 }), c.int('created_by'), c.datetime('created_at'), c.datetime('closed_at', { nullable: true }),
      ],
      [idx(['case_id'], 'ix_mediation_rooms_case'), idx(['parent_id'], 'ix_mediation_rooms_parent'), idx(['org_path', 'status'], 'ix_mediation_rooms_scope')],
    );
    await table(
      'mediation_members',
      [
        c.id(), c.int('room_id'), c.int('user_id', { nullable: true }), c.str('role', 16), c.str('display_name', 64),
        c.datetime('joined_at', { nullable: true }), c.datetime('created_at'),
      ],
      [idx(['room_id', 'user_id'], 'uq_mediation_members_room_user', true), idx(['user_id'], 'ix_mediation_members_user')],
    );
    await table(
      'mediation_messages',
      [
        c.id(), c.int('room_id'), c.int('seq'), c.str('kind', 8), c.int('sender_member_id', { nullable: true }),
        c.int('sender_user_id', { nullable: true }), { ...c.text('body_enc'), isNullable: true }, c.str('upload_id', 36, { nullable: true }),
        c.str('event', 24, { nullable: true }), c.int('ref_seq', { nullable: true }), c.str('client_msg_id', 64, { nullable: true }),
        c.datetime('recalled_at', { nullable: true }), c.bool('flagged', false), c.datetime('created_at'),
      ],
      [
        idx(['room_id', 'seq'], 'uq_mediation_messages_room_seq', true),
        idx(['room_id', 'sender_user_id', 'client_msg_id'], 'uq_mediation_messages_client_id', true),
      ],
    );
    await table(
      'mediation_invitations',
      [
        c.id(), c.int('room_id'), c.int('member_id'), c.str('token_hash', 64), c.datetime('expires_at'),
        c.datetime('used_at', { nullable: true }), c.int('used_by', { nullable: true }), c.int('created_by'), c.datetime('created_at'),
      ],
      [idx(['token_hash'], 'uq_mediation_invitations_token', true)],
    );
    await table(
      'mediation_agreements',
      [
        c.id(), c.int('room_id'), c.int('version'), c.text('parties_enc'), c.text('facts_enc'), c.text('terms_enc'),
        c.datetime('performance_due_at'), c.int('created_by'), c.datetime('created_at'),
        c.datetime('superseded_at', { nullable: true }), c.datetime('confirmed_at', { nullable: true }),
      ],
      [idx(['room_id', 'version'], 'uq_mediation_agreements_room_version', true)],
    );
    await table(
      'mediation_confirmations',
      [c.id(), c.int('agreement_id'), c.int('member_id'), c.datetime('confirmed_at')],
      [idx(['agreement_id', 'member_id'], 'uq_mediation_confirmations', true)],
    );
    await table(
      'mediation_followups',
      [
        c.id(), c.int('room_id'), c.int('agreement_id'), c.int('case_id'), c.datetime('due_at'),
        c.datetime('next_check_at', { nullable: true }), c.datetime('done_at', { nullable: true }),
        c.str('lease_owner', 64, { nullable: true }), c.datetime('lease_until', { nullable: true }),
      ],
      [idx(['done_at', 'next_check_at'], 'ix_mediation_followups_due')],
    );
    await table(
      'mediation_offline_rooms',
      [c.id(), c.int('station_id'), c.str('name', 64), c.str('address', 200)],
      [idx(['station_id'], 'ix_mediation_offline_rooms_station')],
    );
    await table(
      'mediation_slots',
      [c.id(), c.int('offline_room_id'), c.datetime('starts_at'), c.datetime('ends_at'), c.datetime('created_at')],
      [idx(['offline_room_id', 'starts_at'], 'uq_mediation_slots_room_start', true)],
    );
    // One booking per slot, enforced by the database: two transfers racing for a slot cannot both win.
    await table(
      'mediation_bookings',
      [
        c.id(), c.int('slot_id'), c.int('room_id'), c.int('booked_by'), c.datetime('booked_at'),
        c.str('outcome', 12, { nullable: true }), c.str('outcome_note', 500, { nullable: true }), c.datetime('outcome_at', { nullable: true }),
      ],
      [idx(['slot_id'], 'uq_mediation_bookings_slot', true), idx(['room_id'], 'ix_mediation_bookings_room')],
    );
    await queryRunner.addColumn('uploads', new TableColumn(c.int('room_id', { nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('uploads', 'room_id');
    for (const t of [
      'mediation_bookings', 'mediation_slots', 'mediation_offline_rooms', 'mediation_followups', 'mediation_confirmations',
      'mediation_agreements', 'mediation_invitations', 'mediation_messages', 'mediation_members', 'mediation_rooms',
    ]) {
      await queryRunner.dropTable(t);
    }
  }
}
