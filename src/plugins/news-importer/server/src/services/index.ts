import importer from './importer';

export default { importer };
