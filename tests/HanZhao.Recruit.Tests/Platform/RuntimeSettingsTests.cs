using System.Text.Json;
using HanZhao.Recruit.Web.Platform.Hosting;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The runtime settings the memory figure of the benchmark was measured with (docs/PERFORMANCE.md,
/// "Memory under the submit load") are the ones the app ships with: the image's environment, and the
/// runtime options written beside the app's dll.
/// </summary>
public class RuntimeSettingsTests
{
    [Fact]
    public void The_image_runs_the_app_with_the_allocator_arenas_the_tests_and_benchmark_start_it_with()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        var finalStage = lines.SkipWhile(line => !line.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(finalStage);
        Assert.Contains($"ENV {NativeHeap.ArenaVariable}={NativeHeap.Arenas}", finalStage);
    }

    [Fact]
    public async Task A_started_app_has_the_image_s_allocator_setting_in_its_environment()
    {
        using var data = new TemporaryDirectory("runtime-settings");
        await using var app = await AppProcess.StartAsync(data.Path);

        var environment = (await File.ReadAllTextAsync($"/proc/{app.ProcessId}/environ")).Split('\0');

        Assert.Contains($"{NativeHeap.ArenaVariable}={NativeHeap.Arenas}", environment);
    }

    [Fact]
    public void The_app_runs_without_profile_guided_optimisation_on_workstation_garbage_collection()
    {
        var runtimeConfig = Path.ChangeExtension(AppProcess.BuiltAppPath, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
