import { expect, it } from "vitest";

/**
 * The refusals every admin-only route owes: a stranger and a bad token get 401, a reviewer 403,
 * each with the error shape, and `state()` reads the same before and after.
 */
export async function expectAdminOnly(call: (token?: string) => Promise<Response>, reviewerToken: string, state: () => Promise<unknown>) {
  const before = await state();
  const stranger = await call();
  expect(stranger.status).toBe(401);
  expect(await stranger.json()).toMatchObject({ error: "unauthorized", message: expect.any(String) });
  expect((await call("tri_forged")).status).toBe(401);
  const refused = await call(reviewerToken);
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "forbidden" });
  expect(await state()).toEqual(before);
}

/** One test per call of an admin-only route (`[name, call]`), each owing expectAdminOnly's refusals. */
export function itRefusesAllButAdmins(
  reviewerToken: string,
  state: () => Promise<unknown>,
  calls: readonly (readonly [string, (token?: string) => Promise<Response>])[],
) {
  for (const [name, call] of calls) {
    it(`${name}: a stranger gets 401, a bad token 401, a reviewer 403, and nothing changes`, () => expectAdminOnly(call, reviewerToken, state));
  }
}
