using System.Net;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.PublicSite.Interest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite.Interest;

/// <summary>
/// The app for registration tests: the per-client limit raised far above what a class sends (every
/// request here comes from one client; <see cref="InterestRateLimitTests"/> tests it), and no job
/// server, so the tests run the announcements themselves and know how often.
/// </summary>
public class InterestAppFactory : RecruitAppFactory
{
    public InterestAppFactory()
    {
        Settings["Recruit:Interest:ClientPermitLimit"] = "100000";
        Settings["Jobs:Enabled"] = "false";
    }
}

/// <summary>What a visitor does on /join/interest and in its emails, and what the database then holds.</summary>
public static partial class InterestSteps
{
    public const string FormPath = "/join/interest";
    public const string Confirmation = "InterestConfirmation";
    public const string Announcement = "InterestAnnouncement";

    public static string NewAddress(string name = "student") => $"{name}-{Guid.NewGuid():N}@example.com";

    public static Task<HttpResponseMessage> RegisterAsync(
        this HttpClient client, string email, string name = "Li Lei", string program = "PhD", string route = "NotSure", string? website = null, string page = FormPath) =>
        client.PostFormAsync(page, FormPath,
            [new("email", email), new("name", name), new("program", program), new("route", route), new("website", website ?? string.Empty)]);

    /// <summary>The emails of <paramref name="kind"/> queued to <paramref name="email"/>, oldest first.</summary>
    public static async Task<List<EmailMessage>> EmailsAsync(this RecruitAppFactory app, string email, string kind)
    {
        await using var db = app.CreateDbContext();
        return await db.EmailMessages.Where(m => m.ToAddress == email && m.Kind == kind).OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).ToListAsync();
    }

    /// <summary>The announcements of <paramref name="intakeCode"/> queued to <paramref name="email"/> (the subject names the intake in both languages).</summary>
    public static async Task<int> AnnouncementsAsync(this RecruitAppFactory app, string email, string intakeCode) =>
        (await app.EmailsAsync(email, Announcement)).Count(m => m.Subject.Contains(intakeCode, StringComparison.Ordinal));

    /// <summary>The link to <paramref name="path"/> in an email's text.</summary>
    public static Uri LinkIn(EmailMessage message, string path)
    {
        var match = Regex.Match(message.TextBody, @"https?://[^\s""<>]+" + Regex.Escape(path) + @"\?token=[A-Za-z0-9_-]+");
        Assert.True(match.Success, $"No {path} link in: {message.TextBody}");
        return new Uri(match.Value);
    }

    public static async Task<Uri> LatestLinkAsync(this RecruitAppFactory app, string email, string path, string kind = Confirmation) =>
        LinkIn((await app.EmailsAsync(email, kind))[^1], path);

    /// <summary>Opens the link's page (it only offers a button) and presses the button.</summary>
    public static Task<HttpResponseMessage> UseLinkAsync(this HttpClient client, Uri link) =>
        client.PostFormAsync(link.PathAndQuery, link.AbsolutePath, [new("token", SignInSteps.TokenOf(link))]);

    /// <summary>Registers, confirms by the emailed link, and returns the address.</summary>
    public static async Task<string> RegisterAndConfirmAsync(
        this HttpClient client, RecruitAppFactory app, string program = "PhD", string culture = "en", string? email = null)
    {
        email ??= NewAddress(program.ToLowerInvariant());
        using var registered = await client.RegisterAsync(email, program: program, page: $"{FormPath}?culture={culture}");
        await registered.AssertStatusAsync(HttpStatusCode.Redirect);
        using var confirmed = await client.UseLinkAsync(await app.LatestLinkAsync(email, InterestEmails.ConfirmPath));
        await confirmed.AssertStatusAsync(HttpStatusCode.Redirect);
        return email;
    }

    public static async Task<List<InterestRegistration>> RegistrationsAsync(this RecruitAppFactory app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.InterestRegistrations.AsNoTracking().Where(r => r.Email == email).ToListAsync();
    }

    /// <summary>Runs the announcements as the minutely job (or the professor opening an intake) does.</summary>
    public static async Task<int> AnnounceAsync(this RecruitAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InterestAnnouncements>().AnnounceOpenIntakesAsync(CancellationToken.None);
    }

    /// <summary>An intake enrolling in September of <paramref name="year"/>, every route, without a deadline unless given.</summary>
    public static async Task<Intake> AddIntakeAsync(
        this RecruitAppFactory app, int year, StudyPrograms programs, bool open = true, DateTime? opensAtUtc = null, DateTime? deadlineUtc = null)
    {
        await using var db = app.CreateDbContext();
        var intake = new Intake
        {
            Code = $"{year}.09", EnrollmentDate = new DateOnly(year, 9, 1), Programs = programs, IsOpen = open,
            OpensAtUtc = opensAtUtc, DeadlineUtc = deadlineUtc, Routes = AdmissionRoutes.All,
        };
        db.Intakes.Add(intake);
        await db.SaveChangesAsync();
        return intake;
    }

    public static async Task SetOpenAsync(this RecruitAppFactory app, Intake intake, bool open)
    {
        await using var db = app.CreateDbContext();
        await db.Intakes.Where(i => i.Id == intake.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.IsOpen, open));
    }

    /// <summary>The page's main content, without what differs per request (the form's token).</summary>
    public static string MainOf(string html) =>
        AntiforgeryInput().Replace(html[html.IndexOf("<main", StringComparison.Ordinal)..(html.IndexOf("</main>", StringComparison.Ordinal) + 7)], string.Empty);

    [GeneratedRegex("<input name=\"__af\"[^>]*>")]
    private static partial Regex AntiforgeryInput();
}
