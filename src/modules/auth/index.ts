export { issueAccessToken, verifyAccessToken } from "./access-token";
export type { AccessTokenClaims } from "./access-token";
export { issueOperatorToken } from "./issue-operator-token";
