using System.Net;
using System.Text;
using HanZhao.Recruit.Web.Platform.Forms;
using HanZhao.Recruit.Web.Platform.Security;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Settings.Content.Publications;

/// <summary>
/// Fetches a person's BibTeX from DBLP (<c>{BaseUrl}/pid/{pid}.bib</c>) and previews it exactly as a
/// pasted import: the confirm step posts the fetched text to the BibTeX import, so both share one set
/// of rules and nothing is saved by the fetch. Every way the fetch can fail ends in a message in the
/// professor's language, never an error page.
/// </summary>
public sealed class DblpImport(
    IHttpClientFactory clients,
    IOptions<DblpOptions> options,
    DatabaseLimits limits,
    BibTexImporter importer,
    ContentRules rules,
    ILogger<DblpImport> logger)
{
    /// <summary>The form field the person id is typed in.</summary>
    public const string PersonField = "person";

    /// <summary>The preview of the person's publications, or why there is none (nothing fetched or saved).</summary>
    public async Task<Outcome<ImportPlan>> PreviewAsync(string? person, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        if (DblpPersonId.Parse(person) is not { } pid)
        {
            return Outcome.Invalid(FormErrors.Of(PersonField, localizer["Enter a DBLP person id such as 123/4567, or the address of its DBLP page: https://dblp.org/pid/123/4567."]), Empty);
        }

        var settings = options.Value;
        if (!await limits.TryTakeAsync("dblp-fetch", "site", settings.FetchesPerMinute, TimeSpan.FromMinutes(1), cancellationToken))
        {
            return Refused(localizer["DBLP was asked too often in the last minute. Wait a minute and try again."]);
        }

        var fetched = await FetchAsync(pid, settings, cancellationToken);
        if (!fetched.IsDone)
        {
            return Outcome.Invalid(fetched.Errors, Empty);
        }

        var text = fetched.Value!;
        if (BibTexParser.Parse(text).Error is { } error)
        {
            logger.LogWarning("DBLP's answer for {Pid} is not BibTeX: {Kind} at line {Line}", pid, error.Kind, error.Line);
            return Refused(localizer["DBLP's answer is not BibTeX ({0}). Check the id, or paste the BibTeX from your DBLP page.", importer.Describe(error)]);
        }

        return await importer.PreviewAsync(text, null, cancellationToken);
    }

    private static ImportPlan Empty => new("", []);

    private static Outcome<ImportPlan> Refused(string message) => Outcome.Invalid(FormErrors.General(message), Empty);

    /// <summary>The .bib text, or the message for why it could not be had.</summary>
    private async Task<Outcome<string>> FetchAsync(string pid, DblpOptions settings, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        var client = clients.CreateClient(DblpOptions.HttpClientName);
        var address = new Uri(settings.BaseUrl.TrimEnd('/') + "/pid/" + pid + ".bib");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            for (var hops = 0; IsRedirect(response) && hops < MaxRedirects; hops++)
            {
                var target = response.Headers.Location is { } location ? new Uri(address, location) : null;
                response.Dispose();
                if (target is null || Uri.Compare(target, address, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    logger.LogWarning("DBLP redirected {Pid} off its own site to {Target}", pid, target?.GetLeftPart(UriPartial.Authority));
                    return Fail(localizer["DBLP sent the request to another site, which is not followed. Paste the BibTeX from your DBLP page instead."]);
                }

                response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            }

            using var answer = response;
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("DBLP answered {Status} for {Pid}", (int)response.StatusCode, pid);
                return Fail(response.StatusCode switch
                {
                    HttpStatusCode.NotFound or HttpStatusCode.Gone => localizer["DBLP knows no person with the id {0}. Check the id on your DBLP page.", pid],
                    HttpStatusCode.TooManyRequests => localizer["DBLP is limiting requests right now (HTTP 429). Wait a few minutes and try again."],
                    _ => localizer["DBLP could not answer (HTTP {0}). Try again later, or paste the BibTeX from your DBLP page.", (int)response.StatusCode],
                });
            }

            return await ReadBodyAsync(response, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("DBLP did not answer within {Seconds} s for {Pid}", settings.TimeoutSeconds, pid);
            return Fail(settings.TimeoutSeconds == 1
                ? localizer["DBLP did not answer within 1 second. Try again later."]
                : localizer["DBLP did not answer within {0} seconds. Try again later.", settings.TimeoutSeconds]);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning(e, "DBLP could not be reached for {Pid}", pid);
            return Fail(localizer["DBLP could not be reached (no connection, or it refused). Check that the server is online and try again later."]);
        }
    }

    /// <summary>A merged person's old id moves to the new one in one step; a longer chain is not a person's page.</summary>
    private const int MaxRedirects = 3;

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>At most the import's 1 MB, read as strict UTF-8: a longer or binary answer is refused, not cut.</summary>
    private async Task<Outcome<string>> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var localizer = rules.Localizer;
        var tooLarge = localizer["DBLP's answer is larger than 1 MB, more than one import takes. Paste the BibTeX in parts instead."];
        if (response.Content.Headers.ContentLength > BibTexImporter.MaxBibTexBytes)
        {
            return Fail(tooLarge);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[BibTexImporter.MaxBibTexBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > BibTexImporter.MaxBibTexBytes)
        {
            return Fail(tooLarge);
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
            return text.TrimStart().StartsWith('<') || text.Contains('\0', StringComparison.Ordinal)
                ? Fail(localizer["DBLP's answer is not BibTeX (it looks like a web page). Check the id, or paste the BibTeX from your DBLP page."])
                : Outcome.Done(text);
        }
        catch (DecoderFallbackException)
        {
            return Fail(localizer["DBLP's answer is not BibTeX (it is not text). Check the id, or paste the BibTeX from your DBLP page."]);
        }
    }

    private static Outcome<string> Fail(string message) => Outcome.Invalid(FormErrors.General(message), "");
}
