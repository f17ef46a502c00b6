export { split, planThread, threadEdits, threadParts, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split.js';
