using System.Diagnostics;
using System.Net;

namespace HanZhao.Recruit.Benchmarks;

/// <summary>
/// A closed-loop load generator on HttpClient: <c>connections</c> workers, each on its own
/// kept-alive connection, send the next request as soon as the last one is answered, until the
/// request count or the time limit is reached (whichever comes first). Every response body is read
/// to the end; a status other than the expected one counts as an error, not as a sample.
/// </summary>
public static class LoadGenerator
{
    public static HttpClient CreateClient(Uri baseAddress, int connections, CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// GETs <paramref name="path"/> from <paramref name="connections"/> workers; bounded by <paramref name="maxRequests"/> and <paramref name="duration"/>.
    /// With <paramref name="acceptEncoding"/>, each request sends it and the body is read as sent (never decompressed).
    /// </summary>
    public static Task<Samples> GetAsync(HttpClient client, string path, int connections, int maxRequests, TimeSpan duration, string? acceptEncoding = null) =>
        GetAsync([client], path, connections, maxRequests, duration, acceptEncoding);

    /// <summary>The same, each request to the next of <paramref name="clients"/> in turn: a round-robin load balancer over several instances.</summary>
    public static async Task<Samples> GetAsync(IReadOnlyList<HttpClient> clients, string path, int connections, int maxRequests, TimeSpan duration, string? acceptEncoding = null)
    {
        var turn = 0;
        var samples = new Samples();
        var uri = new Uri(path, UriKind.Relative);
        var remaining = maxRequests;
        var clock = Stopwatch.StartNew();
        async Task Worker()
        {
            var buffer = new byte[64 * 1024];
            while (clock.Elapsed < duration && Interlocked.Decrement(ref remaining) >= 0)
            {
                await samples.TimeAsync(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                    if (acceptEncoding is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                    }

                    var client = clients[(int)((uint)Interlocked.Increment(ref turn) % clients.Count)];
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    return response.StatusCode == HttpStatusCode.OK;
                });
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(Worker)));
        samples.AddElapsed(clock.Elapsed);
        return samples;
    }
}
