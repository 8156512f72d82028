-- DropIndex
DROP INDEX "Customer_tenantId_deletedAt_score_idx";

-- DropIndex
DROP INDEX "Customer_tenantId_deletedAt_updatedAt_idx";


-- Room on every page for the new version of a row, so that an UPDATE that changes no indexed column
-- (a recorded event moving score and updatedAt) stays on its page as a HOT update and writes no index.
-- Pages filled before this take the setting as they are rewritten (vacuum frees their dead versions).
ALTER TABLE "Customer" SET (fillfactor = 80);
