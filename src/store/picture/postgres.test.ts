import { freshSchemas, pgProblem, withPostgres } from '../pg-harness.test-support.js';
import { pictureContract } from './contract.test-support.js';

const problem = await pgProblem();
withPostgres('Picture contract: PostgreSQL', problem, () => {
  pictureContract('PostgreSQL', freshSchemas('pic').harness);
});
