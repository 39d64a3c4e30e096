using System.Net;

namespace HanZhao.Recruit.Tests.Reliability;

/// <summary>The app as its own process: what the reliability tests stand on.</summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task The_app_started_as_a_process_serves_pages_and_starts_again_on_the_same_database_after_SIGKILL()
    {
        using var data = new TemporaryDirectory("process");
        var first = await AppProcess.StartAsync(data.Path);
        var port = first.BaseAddress.Port;
        using var client = new HttpClient { BaseAddress = first.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/join", UriKind.Relative))).StatusCode);
        await first.KillAsync();
        Assert.True(first.HasExited);
        await first.DisposeAsync();

        await using var second = await AppProcess.StartAsync(data.Path, port: port);
        Assert.Equal(first.BaseAddress, second.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/join", UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(Path.Combine(data.Path, "recruit.db")));
    }
}
