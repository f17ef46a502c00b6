export { split, planThread, threadEdits, threadParts, threadPartRanges, THREAD_SEPARATOR, type SplitOptions, type ThreadPlan } from './split.js';
