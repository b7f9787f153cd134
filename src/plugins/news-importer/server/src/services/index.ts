import importer from './importer';
import history from './history';

export default { importer, history };
