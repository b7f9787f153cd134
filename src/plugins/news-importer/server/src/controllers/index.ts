import importController from './import';

export default { import: importController };
