using System.Globalization;
using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Notifications;

/// <summary>What the outbox tests share: an app wired to an SMTP test server, queueing and sending.</summary>
internal static class Outbox
{
    /// <summary>An app on its own database; jobs off unless asked, so a test decides when mail is sent.</summary>
    public static RecruitAppFactory App(SmtpTestServer? smtp, bool jobs = false)
    {
        var app = new RecruitAppFactory();
        app.Settings["Jobs:Enabled"] = jobs ? "true" : "false";
        if (smtp is not null)
        {
            app.Settings["Smtp:Host"] = smtp.Host;
            app.Settings["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        }

        return app;
    }

    /// <summary>Queues <paramref name="count"/> messages the way features do, in one SaveChanges through the app's DbContext.</summary>
    public static async Task<IReadOnlyList<Guid>> QueueAsync(
        RecruitAppFactory app, int count, Func<int, string>? address = null, Func<int, string>? name = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var draft = new EmailWriter("en")
                .Heading($"Message {i}")
                .Paragraph("Your application has been received.")
                .Build(EmailCatalogue.SubmissionReceived, address?.Invoke(i) ?? $"student{i}@recruit.test", name?.Invoke(i) ?? $"Student {i}", $"Message {i}", "Footer");
            ids.Add(db.QueueEmail(draft, now).Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Runs the dispatcher once, as the job and the sweeper do.</summary>
    public static async Task<int> SendDueAsync(RecruitAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().SendDueAsync(CancellationToken.None);
    }

    /// <summary>These apps set neither Smtp:From nor Recruit:PublicUrl: the sender's domain is localhost.</summary>
    /// <summary>The Message-Id the sender gives a row: in the site's domain (hanzhao.test in-process; the listening host for a process).</summary>
    public static string MessageId(Guid id, string domain = "hanzhao.test") => $"{id:N}@{domain}";
}
