import importController from './import';
import historyController from './history';

export default { import: importController, history: historyController };
