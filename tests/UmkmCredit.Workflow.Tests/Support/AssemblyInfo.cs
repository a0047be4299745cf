// One orchestration at a time: the in-memory engine runs Environment.ProcessorCount work items at once and backs off
// 500 ms when saturated, so parallel test classes are several times slower than sequential ones (measured: 89 s vs 12 s).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
