import "server-only";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { recomputeIndependence } from "../links/independence";
import { TX_OPTIONS } from "../verdicts/pair";
import type { ArticleChange } from "./schema";

/**
 * Corrects an article's wire credit. Articles crediting the same agency are not independent of
 * each other, so every link touching this article is re-judged in the same transaction, and
 * verdicts that relied on one are flagged "needs re-review".
 */
export async function setWireCredit(db: Db, actorId: string | null, articleId: string, change: ArticleChange) {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { wireCredit: true, outlet: { select: { name: true } } } });
    if (!article) throw new DomainError("not_found", "No such article.");
    if (article.wireCredit === change.wireCredit) return { articleId, wireCredit: change.wireCredit, changed: false, independence: null };
    await tx.article.update({ where: { id: articleId }, data: { wireCredit: change.wireCredit } });
    const independence = await recomputeIndependence(
      tx,
      actorId,
      [articleId],
      `the wire credit of a ${article.outlet.name} article changed from ${article.wireCredit ?? "none"} to ${change.wireCredit ?? "none"}`,
    );
    await tx.auditLog.create({
      data: {
        actorId,
        action: "article.wire_credit",
        entity: "Article",
        entityId: articleId,
        data: { from: article.wireCredit, to: change.wireCredit, independence },
      },
    });
    return { articleId, wireCredit: change.wireCredit, changed: true, independence };
  }, TX_OPTIONS);
}
