// A global of every browser and of Node 16+, outside the ES library that the pure core compiles against.
declare function atob(data: string): string;
