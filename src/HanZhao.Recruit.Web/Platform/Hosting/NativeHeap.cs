namespace HanZhao.Recruit.Web.Platform.Hosting;

/// <summary>
/// The C allocator's share of the server's memory, set in the process's environment (the Dockerfile's
/// <c>ENV</c>; <c>AppProcess</c> starts the app the same way in tests and the benchmark). glibc gives a
/// thread that finds the allocator busy an arena of its own, up to eight per core, and keeps what is
/// freed in an arena for that arena: with the thread pool, Kestrel and SQLite's page caches (one per
/// pooled connection) allocating at once, the arenas grow apart and stay large. Two arenas kept the
/// submit load's peak 10-25 MB lower in the benchmark, no slower (docs/PERFORMANCE.md, "Memory under
/// the submit load, to the bottom"). It must be in the environment when the process starts: glibc
/// reads it before the first allocation, and a <c>mallopt</c> call from the app comes after the
/// runtime's own threads have made their arenas (measured: about half the saving).
/// </summary>
public static class NativeHeap
{
    public const string ArenaVariable = "MALLOC_ARENA_MAX";

    public const string Arenas = "2";
}
