import './load-all-grammars.js';
import { describe, expect, it } from 'vitest';
import { reviewChanges } from '../../src/handoffs/review-changes.js';
import { fixtureContext, loadChanges, modifiedFile } from './fixture-changes.js';
import { describeRuleFixtures } from './rule-fixture-cases.js';

describeRuleFixtures(
  'api-design',
  {},
  {
    exact: true,
    // These rules read the route tables and the API description of both sides, not lines: a re-laid-out route or
    // description changes neither, and a file added whole has no base side to break. Their negative fixtures hold
    // a renamed path parameter, a too-small sample of routes and description edits that keep every contract.
    withoutCosmeticControls: {
      'api-design/breaking-endpoint-change': 'compares the route tables of both sides',
      'api-design/inconsistent-path-naming': 'reads the endpoints the route table adds',
      'api-design/openapi-breaking-change': 'compares the API description of both sides',
    },
  },
);

describe('api design review', () => {
  it('tells a removed endpoint, a changed method and a renamed path apart', () => {
    const fixture = 'api-design/breaking-endpoint-change/positive';
    const findings = reviewChanges('api-design', loadChanges(fixture), fixtureContext(fixture));
    expect(
      findings.map((finding) => [finding.file, finding.line, finding.side ?? 'RIGHT', finding.title]),
    ).toEqual([
      ['app/api/orders.py', 20, 'RIGHT', 'Endpoint renamed: `GET /order/{order_id}` → `/orders/{order_id}`'],
      [
        'internal/http/routes.go',
        22,
        'RIGHT',
        'Endpoint renamed: `GET /shipments/:id/label` → `/shipments/:id/labels`',
      ],
      [
        'src/main/java/com/acme/web/InvoiceController.java',
        16,
        'LEFT',
        'Endpoint removed: `DELETE /invoices/{id}`',
      ],
      ['src/routes/users.ts', 10, 'LEFT', 'Endpoint removed: `DELETE /users/:id`'],
      ['src/routes/users.ts', 10, 'RIGHT', 'Endpoint method changed: `PUT /users/:id` → `PATCH /users/:id`'],
    ]);
  });

  it('reads a handler whose URL changed as a break, and a renamed path parameter as none', () => {
    const change = modifiedFile(
      'src/users.controller.ts',
      [
        '@@ -8 +8 @@',
        "-  @Get(':id')",
        "+  @Get(':userId/profile')",
        '   find() {}',
        '@@ -14 +14 @@',
        "-  @Delete(':id')",
        "+  @Delete(':userId')",
        '   remove() {}',
      ].join('\n'),
    );
    const findings = reviewChanges('api-design', [change], {
      endpoints: [
        {
          method: 'GET',
          path: '/users/:userId/profile',
          change: 'changed',
          file: 'src/users.controller.ts',
          line: 8,
          previous: { method: 'GET', path: '/users/:id' },
        },
        {
          method: 'DELETE',
          path: '/users/:userId',
          change: 'changed',
          file: 'src/users.controller.ts',
          line: 14,
          previous: { method: 'DELETE', path: '/users/:id' },
        },
      ],
    });
    expect(findings.map((finding) => [finding.line, finding.severity, finding.title])).toEqual([
      [8, 'high', 'Endpoint renamed: `GET /users/:id` → `/users/:userId/profile`'],
    ]);
  });

  it('reads breaking changes from the committed OpenAPI description, each on the line that makes it', () => {
    const fixture = 'api-design/openapi-breaking-change/positive';
    const findings = reviewChanges('api-design', loadChanges(fixture), fixtureContext(fixture));
    expect(findings.map((finding) => [finding.line, finding.side ?? 'RIGHT', finding.title])).toEqual([
      [11, 'RIGHT', 'Required query parameter `page` added to `GET /orders`'],
      [29, 'RIGHT', 'Required request field `note` added to `POST /orders`'],
      [43, 'LEFT', 'Operation removed from the API description: `DELETE /orders/{id}`'],
      [54, 'LEFT', 'Response field `total` removed from `GET /orders`'],
    ]);
  });

  it('names each naming problem and the conventional spelling', () => {
    const fixture = 'api-design/inconsistent-path-naming/positive';
    const findings = reviewChanges('api-design', loadChanges(fixture), fixtureContext(fixture));
    expect(findings.map((finding) => finding.explanation)).toEqual([
      'In `/shoppingCarts/{cart_id}`, `shoppingCarts` is not kebab-case like the other routes (`shopping-carts`).',
      'In `/orderItems/:id`, `orderItems` is not kebab-case like the other routes (`order-items`).',
      'In `/order/:id/`, `order` is singular while the other collections are plural (`orders`); it has a trailing slash the other routes do not.',
    ]);
  });

  it('stays quiet without endpoint data', () => {
    expect(reviewChanges('api-design', loadChanges('api-design/breaking-endpoint-change/positive'))).toEqual(
      [],
    );
  });
});
