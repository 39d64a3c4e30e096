namespace HanZhao.Recruit.Web.Demo;

/// <summary>Whether the app was started with <c>--demo</c>: fill a fresh database with fictional sample applications.</summary>
public sealed record DemoOptions(bool Requested);

public static class DemoSetup
{
    public const string Argument = "--demo";

    /// <summary>Whether <paramref name="args"/> ask for the demo data.</summary>
    public static bool Requested(string[] args) => args.Contains(Argument, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The arguments for the host, without <c>--demo</c>: its command-line configuration would read
    /// "--demo --urls http://…" as a setting "demo" worth "--urls" and lose the address.
    /// </summary>
    public static string[] HostArguments(string[] args) =>
        [.. args.Where(a => !string.Equals(a, Argument, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The seeder (run at start, see <see cref="DemoSeeder.RunAsync"/>) and the banner every page shows while demo data exists.</summary>
    public static IServiceCollection AddDemoMode(this IServiceCollection services, bool requested) =>
        services
            .AddSingleton(new DemoOptions(requested))
            .AddSingleton<DemoBanner>()
            .AddScoped<DemoSeeder>();
}
