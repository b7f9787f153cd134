import { publishedOnlyMiddleware } from '../published-only';

export default publishedOnlyMiddleware;
