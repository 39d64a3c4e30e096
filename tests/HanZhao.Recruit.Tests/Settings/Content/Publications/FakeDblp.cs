using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HanZhao.Recruit.Tests.Settings.Content.Publications;

/// <summary>
/// A stand-in for dblp.org on 127.0.0.1 (Kestrel, a free port): each person id answers one way,
/// with the recorded BibTeX below or a failure. <see cref="Slow"/> holds its answer until the test
/// releases it, so a timeout is decided by the app's deadline, not by a sleep.
/// </summary>
public sealed class FakeDblp : IAsyncDisposable
{
    public const string Recorded = "11/1111";
    public const string Unknown = "22/2222";
    public const string Broken = "33/3333";
    public const string Busy = "44/4444";
    public const string WebPage = "55/5555";
    public const string Huge = "66/6666";
    public const string Slow = "77/7777";
    public const string Binary = "88/8888";
    public const string Moved = "12/3456";
    public const string Elsewhere = "99/9999";

    /// <summary>
    /// What DBLP's /pid/{pid}.bib returns, written by hand in its style (keys, field order, alignment,
    /// namesake numbers, editor, timestamp, biburl, bibsource). Every person and paper is fictional.
    /// </summary>
    public const string RecordedBibTex = """
        @inproceedings{DBLP:conf/fict/FictionalZI25,
          author       = {Ada Fictional and
                          Han Zhao 0001 and
                          Bo Imaginary},
          editor       = {Cy Editorial and
                          Di Volume},
          title        = {Elastic Scheduling for Imaginary Clusters},
          booktitle    = {Proceedings of the Twentieth Fictional Conference on Systems ({FICT} '25)},
          pages        = {101--115},
          publisher    = {{ACM}},
          year         = {2025},
          url          = {https://doi.org/10.9999/fict.2025.0001},
          doi          = {10.9999/fict.2025.0001},
          timestamp    = {Mon, 03 Mar 2025 10:00:00 +0100},
          biburl       = {https://dblp.org/rec/conf/fict/FictionalZI25.bib},
          bibsource    = {dblp computer science bibliography, https://dblp.org}
        }

        @article{DBLP:journals/fictj/ZhaoI24,
          author       = {Han Zhao 0001 and
                          Bo Imaginary},
          title        = {A Fictional Journal Paper on Imaginary {GPU} Clusters},
          journal      = {{ACM} Trans. Fict. Syst.},
          volume       = {22},
          number       = {4},
          pages        = {1--24},
          year         = {2024},
          url          = {https://doi.org/10.9999/fictj.2024.0002},
          doi          = {10.9999/fictj.2024.0002},
          timestamp    = {Tue, 01 Oct 2024 09:00:00 +0200},
          biburl       = {https://dblp.org/rec/journals/fictj/ZhaoI24.bib},
          bibsource    = {dblp computer science bibliography, https://dblp.org}
        }

        @article{DBLP:journals/corr/abs-2501-00001,
          author       = {Han Zhao 0001},
          title        = {A Fictional Preprint on Imaginary Accelerators},
          journal      = {CoRR},
          volume       = {abs/2501.00001},
          year         = {2025},
          url          = {https://doi.org/10.48550/arXiv.2501.00001},
          doi          = {10.48550/ARXIV.2501.00001},
          eprinttype    = {arXiv},
          eprint       = {2501.00001},
          timestamp    = {Wed, 15 Jan 2025 12:00:00 +0100},
          biburl       = {https://dblp.org/rec/journals/corr/abs-2501-00001.bib},
          bibsource    = {dblp computer science bibliography, https://dblp.org}
        }
        """;

    private readonly WebApplication _server;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeDblp(WebApplication server) => _server = server;

    /// <summary>Every path asked for, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseAddress => new(_server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<FakeDblp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var fake = new FakeDblp(server);
        server.MapGet("/pid/{prefix}/{file}", fake.AnswerAsync);
        await server.StartAsync();
        return fake;
    }

    /// <summary>Lets the slow person's answer go (after the test has seen the app give up).</summary>
    public void Release() => _release.TrySetResult();

    private async Task AnswerAsync(HttpContext context, string prefix, string file)
    {
        Requests.Enqueue(context.Request.Path.Value!);
        var response = context.Response;
        switch ($"{prefix}/{file}")
        {
            case Recorded + ".bib":
                response.ContentType = "application/x-bibtex; charset=utf-8";
                await response.WriteAsync(RecordedBibTex);
                break;
            case Unknown + ".bib":
                response.StatusCode = 404;
                break;
            case Broken + ".bib":
                response.StatusCode = 500;
                break;
            case Busy + ".bib":
                response.StatusCode = 429;
                response.Headers.RetryAfter = "60";
                break;
            case WebPage + ".bib":
                response.ContentType = "text/html";
                await response.WriteAsync("<!DOCTYPE html><html><body>Contact us at info@example.org</body></html>");
                break;
            case Huge + ".bib":
                // No Content-Length (chunked): the app must stop reading at its cap, not trust a header.
                response.ContentType = "application/x-bibtex";
                var line = new string('%', 1023) + "\n";
                for (var i = 0; i < 1100; i++)
                {
                    await response.WriteAsync(line);
                }

                break;
            case Slow + ".bib":
                await _release.Task;
                await response.WriteAsync(RecordedBibTex);
                break;
            case Binary + ".bib":
                await response.Body.WriteAsync(new byte[] { 0x25, 0x50, 0x44, 0x46, 0xFF, 0xFE, 0xC3, 0x28 });
                break;
            case Moved + ".bib":
                // A merged person: DBLP sends the old id to the new one on its own site.
                response.Redirect("/pid/" + Recorded + ".bib", permanent: true);
                break;
            case Elsewhere + ".bib":
                // Never followed, so this address is never asked for: no test reaches the internet.
                response.Redirect("https://elsewhere.example/pid/" + Recorded + ".bib");
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.DisposeAsync();
    }
}
