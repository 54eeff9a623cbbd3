/** The Worker entry: HTTP, queue consumers and cron, built by createWorker() from one set of options. */
import { createWorker } from './app';

export default createWorker();
