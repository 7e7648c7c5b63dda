-- issue 20: CampoTech staff who may open the operator pages.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "platformOperator" BOOLEAN NOT NULL DEFAULT false;
