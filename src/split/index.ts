export { split, planThread, threadEdits, splitThread, threadParts, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split.js';
