import { describe, expect, it } from 'vitest';
import { analyzeChanges } from '../../src/changes/analyze-changes.js';
import type { ChangedFile } from '../../src/code/diff/changed-file.js';
import type { Finding } from '../../src/handoffs/finding.js';
import { modifiedFile, projectFrom } from '../changes/diff-fixture.js';
import { addedFile, reviewAnalysed } from './fixture-changes.js';

/** The migration rules' findings as `file:line rule`, database and performance areas together. */
async function migrationFindings(
  files: ChangedFile[],
  databases: string[],
  checkout?: Record<string, string>,
): Promise<string[]> {
  const findings: Finding[] = [
    ...(await reviewAnalysed('database', files, { databases }, checkout)),
    ...(await reviewAnalysed('performance', files, { databases }, checkout)),
  ];
  return findings
    .filter(
      (finding) =>
        finding.ruleId.startsWith('database/') || finding.ruleId === 'performance/foreign-key-without-index',
    )
    .map((finding) => `${finding.file}:${finding.line} ${finding.ruleId.split('/')[1] ?? ''}`)
    .sort();
}

const PRISMA = `-- AlterTable
ALTER TABLE "User" ADD COLUMN "phone" TEXT NOT NULL;
ALTER TABLE "User" ADD COLUMN "plan" TEXT NOT NULL DEFAULT 'free';
ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE BIGINT;
ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "Account" RENAME COLUMN "nm" TO "name";
ALTER TABLE "Vendor" RENAME TO "Supplier";
ALTER TABLE "User" DROP COLUMN "legacyId";

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Order_userId_idx" ON "Order"("userId");
ALTER TABLE "Order" ADD CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id");

-- Existing tables
CREATE INDEX "User_email_idx" ON "User"("email");
CREATE INDEX CONCURRENTLY "User_plan_idx" ON "User"("plan");
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") NOT VALID;
ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");
`;

describe('migration rules on PostgreSQL SQL (Prisma migrate)', () => {
  it('flags each unsafe step on its line and leaves the safe ones and the new table alone', async () => {
    const path = 'prisma/migrations/20260101000000_x/migration.sql';
    expect(await migrationFindings([addedFile(path, PRISMA)], ['postgresql'])).toEqual(
      [
        `${path}:2 not-null-without-default`,
        `${path}:4 column-type-change`,
        `${path}:5 set-not-null`,
        `${path}:6 rename-column`,
        `${path}:7 rename-table`,
        `${path}:8 destructive-migration`,
        `${path}:20 index-without-concurrently`,
        `${path}:22 constraint-without-not-valid`,
        `${path}:22 foreign-key-without-index`,
        `${path}:23 foreign-key-without-index`,
        `${path}:24 unique-constraint-without-index`,
      ].sort(),
    );
  });

  it('keeps PostgreSQL-only rules and MySQL-safe steps quiet on MySQL', async () => {
    const path = 'db/migrations/0002_users.sql';
    const sql = [
      'ALTER TABLE users ADD COLUMN phone VARCHAR(32) NOT NULL;',
      'CREATE INDEX users_email_idx ON users (email);',
      'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
      'ALTER TABLE orders MODIFY total DECIMAL(12, 2);',
    ].join('\n');
    expect(await migrationFindings([addedFile(path, sql)], ['mysql'])).toEqual([
      `${path}:4 column-type-change`,
    ]);
  });

  it('fails a NOT NULL column without a default on SQLite too', async () => {
    const path = 'migrations/0003_phone.sql';
    expect(
      await migrationFindings(
        [addedFile(path, 'ALTER TABLE users ADD COLUMN phone TEXT NOT NULL;')],
        ['sqlite'],
      ),
    ).toEqual([`${path}:1 not-null-without-default`]);
  });
});

describe('foreign keys and indexes across the whole pull request', () => {
  it('counts a composite index led by the column in a later migration, and reads ADD FOREIGN KEY ("A")', async () => {
    const first = addedFile(
      'migrations/001_orders.sql',
      'ALTER TABLE orders ADD FOREIGN KEY ("A") REFERENCES users (id) NOT VALID;\nALTER TABLE orders ADD FOREIGN KEY ("B") REFERENCES teams (id) NOT VALID;',
    );
    const second = addedFile(
      'migrations/002_index.sql',
      'CREATE UNIQUE INDEX CONCURRENTLY orders_a_b ON orders ("A", "B");',
    );
    expect(await migrationFindings([first, second], ['postgresql'])).toEqual([
      'migrations/001_orders.sql:2 foreign-key-without-index',
    ]);
    const [finding] = (
      await reviewAnalysed('performance', [first, second], { databases: ['postgresql'] })
    ).filter((each) => each.ruleId === 'performance/foreign-key-without-index');
    expect(finding?.title).toBe('Foreign key `B` without an index');
  });

  it('says nothing about a table a later migration of the same pull request drops', async () => {
    const files = [
      addedFile(
        'migrations/001_tmp.sql',
        'CREATE TABLE tmp_import (id bigserial PRIMARY KEY, user_id bigint REFERENCES users (id));',
      ),
      addedFile('migrations/002_drop.sql', 'DROP TABLE tmp_import;'),
    ];
    expect(await migrationFindings(files, ['postgresql'])).toEqual([]);
  });

  it('finds the index in a migration the pull request did not touch', async () => {
    const added =
      'class AddFk < ActiveRecord::Migration[7.1]\n  def change\n    add_foreign_key :orders, :users, validate: false\n  end\nend';
    const files = [addedFile('db/migrate/20260102000000_add_fk.rb', added)];
    const existing = {
      'db/migrate/20260102000000_add_fk.rb': added,
      'db/migrate/20250101000000_create_orders.rb':
        'class CreateOrders < ActiveRecord::Migration[7.1]\n  def change\n    create_table :orders do |t|\n      t.bigint :user_id\n      t.index [:user_id, :created_at]\n    end\n  end\nend',
    };
    expect(await migrationFindings(files, ['postgresql'], existing)).toEqual([]);
    expect(await migrationFindings(files, ['postgresql'])).toEqual([
      'db/migrate/20260102000000_add_fk.rb:3 foreign-key-without-index',
    ]);
  });
});

describe('migration rules on ORM migrations', () => {
  const cases: { tool: string; path: string; code: string; expected: string[] }[] = [
    {
      tool: 'Django',
      path: 'shop/migrations/0008_book_isbn.py',
      code: `from django.db import migrations, models


class Migration(migrations.Migration):
    operations = [
        migrations.AddField(model_name="book", name="isbn", field=models.CharField(max_length=13)),
        migrations.AddField(model_name="book", name="note", field=models.TextField(null=True)),
        migrations.AddField(model_name="book", name="kind", field=models.CharField(default="paper", max_length=8)),
        migrations.AddField(model_name="book", name="author", field=models.ForeignKey(null=True, on_delete=models.CASCADE, to="shop.author")),
        migrations.RenameField(model_name="book", old_name="ttl", new_name="title"),
    ]
`,
      expected: [
        '6 not-null-without-default',
        '9 constraint-without-not-valid',
        '9 index-without-concurrently',
        '10 rename-column',
      ],
    },
    {
      tool: 'Alembic',
      path: 'alembic/versions/4a1b_add_plan.py',
      code: `def upgrade():
    op.add_column("users", sa.Column("plan", sa.String(), nullable=False))
    op.add_column("users", sa.Column("tier", sa.String(), nullable=False, server_default="free"))
    op.alter_column("users", "age", type_=sa.BigInteger(), existing_type=sa.Integer())
    op.create_index("ix_users_plan", "users", ["plan"], postgresql_concurrently=True)


def downgrade():
    op.drop_column("users", "plan")
`,
      expected: ['2 not-null-without-default', '4 column-type-change'],
    },
    {
      tool: 'Rails',
      path: 'db/migrate/20260103120000_add_team.rb',
      code: `class AddTeam < ActiveRecord::Migration[7.1]
  def change
    add_reference :users, :team, foreign_key: true
    add_column :users, :locale, :string, null: false
    add_column :users, :nickname, :string, null: false, default: ""
    create_table :badges do |t|
      t.string :name, null: false
      t.references :user, foreign_key: true
    end
  end
end
`,
      expected: [
        '3 constraint-without-not-valid',
        '3 index-without-concurrently',
        '4 not-null-without-default',
      ],
    },
    {
      tool: 'Laravel',
      path: 'database/migrations/2026_01_03_000000_alter_posts.php',
      code: `<?php
return new class extends Migration {
    public function up(): void
    {
        Schema::table('posts', function (Blueprint $table) {
            $table->string('slug');
            $table->string('summary')->nullable();
            $table->string('status')->default('draft');
        });
        Schema::create('tags', function (Blueprint $table) {
            $table->id();
            $table->string('name');
        });
        Schema::rename('drafts', 'draft_posts');
    }
};
`,
      expected: ['14 rename-table', '6 not-null-without-default'],
    },
    {
      tool: 'Knex',
      path: 'migrations/20260103_teams.js',
      code: `exports.up = async function (knex) {
  await knex.schema.alterTable('users', (table) => {
    table.integer('team_id').notNullable();
    table.string('bio').nullable();
    table.string('plan').notNullable().defaultTo('free');
  });
  await knex.raw('CREATE INDEX CONCURRENTLY users_bio_idx ON users (bio)');
};
`,
      expected: ['3 not-null-without-default'],
    },
    {
      tool: 'EF Core',
      path: 'Migrations/20260103120000_AddStreet.cs',
      code: `public partial class AddStreet : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "Street",
            table: "Customers",
            type: "text",
            nullable: false);

        migrationBuilder.AddColumn<string>(name: "City", table: "Customers", type: "text", nullable: false, defaultValue: "");

        migrationBuilder.CreateIndex(name: "IX_Customers_City", table: "Customers", column: "City");
    }
}
`,
      expected: ['13 index-without-concurrently', '5 not-null-without-default'],
    },
    {
      tool: 'Ecto',
      path: 'priv/repo/migrations/20260103120000_alter_users.exs',
      code: `defmodule Shop.Repo.Migrations.AlterUsers do
  use Ecto.Migration

  def change do
    alter table(:users) do
      add :age, :integer, null: false
      add :nick, :string, null: false, default: ""
      add :org_id, references(:orgs, validate: false)
    end

    create index(:users, [:org_id], concurrently: true)
  end
end
`,
      expected: ['6 not-null-without-default'],
    },
  ];

  it.each(cases)(
    '$tool: the exact lines, with the safe forms as controls',
    async ({ path, code, expected }) => {
      const found = await migrationFindings([addedFile(path, code)], ['postgresql']);
      expect(found).toEqual(expected.map((entry) => `${path}:${entry}`).sort());
    },
  );
});

describe('edits to existing migrations', () => {
  const before = ['create table users (id bigserial primary key,', '  email text', ');'];

  it('reads a formatting-only edit as no change: no new table, no finding', async () => {
    const file = modifiedFile('migrations/20250101_users.sql', before, [
      'CREATE TABLE users (',
      '  id bigserial PRIMARY KEY, email text',
      ');',
    ]);
    const project = { ...projectFrom({ path: '.', language: 'go' }), databases: ['postgresql'] };
    const [migration] = (await analyzeChanges({ files: [file], projects: [project] })).migrations;
    expect(migration?.tablesCreated).toEqual([]);
    expect(migration?.operations).toEqual([]);
    expect(await migrationFindings([file], ['postgresql'])).toEqual([]);
  });

  it('flags an edit that changes what an applied migration does, on the line it changes', async () => {
    const file = modifiedFile('migrations/20250101_users.sql', before, [
      'create table users (id bigserial primary key,',
      '  email text, plan text',
      ');',
    ]);
    expect(await migrationFindings([file], ['postgresql'])).toEqual([
      'migrations/20250101_users.sql:2 edited-applied-migration',
    ]);
  });
});
