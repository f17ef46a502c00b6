export { split, planThread, threadEdits, splitThread, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split.js';
