import { publishedOnlyMiddleware } from '../extensions/published-only';

export default publishedOnlyMiddleware;
