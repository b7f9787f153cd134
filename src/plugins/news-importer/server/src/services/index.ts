import imports from './imports';
import history from './history';

export default { imports, history };
