import { openStore } from '../store/open.js';
import { deskDataContract } from './contract.test-support.js';

deskDataContract('SQLite', () => openStore(':memory:'));
