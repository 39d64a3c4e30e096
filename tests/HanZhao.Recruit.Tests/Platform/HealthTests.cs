using System.Net;
using System.Text.Json;

namespace HanZhao.Recruit.Tests.Platform;

public class HealthTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    [Fact]
    public async Task App_starts_on_an_empty_sqlite_file_and_is_ready()
    {
        Assert.False(File.Exists(app.DatabaseFile));
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.True(File.Exists(app.DatabaseFile), "the SQLite file is created in the data folder");
    }

    [Fact]
    public async Task Liveness_answers_without_touching_the_database()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Its own app, because the test breaks the database on purpose.</summary>
public sealed class ReadinessWithBrokenDatabaseTests : IDisposable
{
    private readonly RecruitAppFactory _app = new();

    [Fact]
    public async Task Ready_answers_503_when_the_database_cannot_be_opened()
    {
        using var client = _app.CreateHttpsClient();
        using (var healthy = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        // The disk hands back garbage where the database was.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(_app.DatabaseFile + sidecar);
        }

        await File.WriteAllBytesAsync(_app.DatabaseFile, Enumerable.Repeat((byte)0x5A, 8192).ToArray());

        using var response = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unhealthy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
