using System.Globalization;
using System.Net;
using System.Text;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Review;

/// <summary>Sessions are re-checked on every request, so a disabled co-reviewer's cookie dies at once.</summary>
public sealed class MatrixAppFactory : RecruitAppFactory
{
    public MatrixAppFactory() => Settings["Recruit:StaffSignIn:SessionCheckInterval"] = "00:00:00";
}

/// <summary>
/// Every staff route and action against every kind of visitor. The table below is written by hand
/// (it is the specification); a second test fails when the app has a staff route the table lacks, so
/// a page added later cannot skip this check. The observed table is written to
/// TestResults/authorization-matrix.md.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixAppFactory app) : IClassFixture<MatrixAppFactory>
{
    /// <summary>What a visitor gets: the page (or the action done), sent to sign in, refused (403), or told it does not exist.</summary>
    public enum Outcome
    {
        Ok,
        SignIn,
        Forbidden,
        NotFound,
    }

    private const Outcome O = Outcome.Ok;
    private const Outcome S = Outcome.SignIn;
    private const Outcome F = Outcome.Forbidden;
    private const Outcome N = Outcome.NotFound;

    /// <summary>The visitors, in the order of each row's outcomes.</summary>
    private static readonly string[] Visitors = ["anonymous", "applicant", "reviewer (assigned)", "reviewer (not assigned)", "reviewer (disabled)", "professor"];

    private static readonly Outcome[] ProfessorOnly = [S, F, F, F, S, O];
    private static readonly Outcome[] AnyStaff = [S, F, O, O, S, O];
    private static readonly Outcome[] AssignedStaff = [S, F, O, N, S, O];

    /// <summary>
    /// Method, path ({app}: an application assigned to the reviewer; {doc}: its CV; {victim}: another
    /// co-reviewer; {email}: a failed email; {jobs}: a page of the job dashboard;
    /// {intake}: an intake nobody applied to;
    /// {section}/{item}: an accomplishment; {publication}: a publication; {member}: a lab member), form fields for a post, and the outcome per visitor.
    /// </summary>
    private static readonly (string Method, string Path, string[] Form, Outcome[] Expected)[] Routes =
    [
        ("GET", "/review", [], AnyStaff),
        ("GET", "/review?status=Submitted&sort=name", [], AnyStaff),
        ("GET", "/review/export.csv", [], ProfessorOnly),
        ("POST", "/review/assign", ["ids={app}", "reviewer={reviewer}", "operation=assign"], ProfessorOnly),
        ("POST", "/review/saved-views", ["name=Matrix view", "query=status=Submitted"], AnyStaff),
        // {view} is another co-reviewer's saved view: nobody else may delete it, or learn that it exists.
        ("POST", "/review/saved-views/{view}/delete", [], [S, F, N, N, S, N]),
        ("POST", "/review/toolbar", ["ids={app}", "act=tag", "tag=matrix"], ProfessorOnly),
        ("POST", "/review/toolbar", ["ids={app}", "act=invite"], ProfessorOnly),
        ("GET", "/review/toolbar/export.csv?ids={app}", [], ProfessorOnly),
        ("GET", "/review/toolbar/email?ids={app}", [], ProfessorOnly),
        ("POST", "/review/toolbar/email", ["ids={app}", "subject=Hello", "body=Dear {name}"], ProfessorOnly),
        ("GET", "/review/applications/{app}", [], AssignedStaff),
        ("GET", "/review/documents/{doc}", [], AssignedStaff),
        ("GET", "/review/letters/{letter}", [], AssignedStaff),
        ("POST", "/review/applications/{app}/notes", ["text=Looks promising."], AssignedStaff),
        // Tags sort the professor's list: a co-reviewer may read them but not change them.
        ("POST", "/review/applications/{app}/tags", ["name=strong", "operation=add"], [S, F, F, N, S, O]),
        ("POST", "/review/applications/{app}/score", ["ResearchFit=4", "AcademicRecord=4", "Skills=3", "Communication=5"], AssignedStaff),
        ("POST", "/review/applications/{app}/score", ["All=4"], AssignedStaff),
        // The interview's outcome is the professor's (one per interview, not one per reviewer like scores); the matrix's
        // application has no interview, so the professor's post is refused with 400, past authorization.
        ("POST", "/review/applications/{app}/interview-outcome", ["Outcome=Passed", "Knowledge=4"], [S, F, F, N, S, O]),
        // "Not a duplicate" is the professor's; {app} twice is a pair that is not flagged, refused with 400 past authorization.
        ("POST", "/review/applications/{app}/duplicates/{app}/dismiss", [], ProfessorOnly),
        ("GET", "/review/applications/{app}/status", [], ProfessorOnly),
        ("GET", "/review/applications/{app}/status?to=Interview", [], ProfessorOnly),
        ("POST", "/review/applications/{app}/status", ["to=Interview", "sendEmail=false"], ProfessorOnly),
        ("GET", "/review/bulk?ids={app}&status=Rejected", [], ProfessorOnly),
        ("POST", "/review/bulk", ["ids={app}", "status=Offer", "sendEmail=false"], ProfessorOnly),
        ("GET", "/review/documents.zip?ids={app}", [], ProfessorOnly),
        // An applicant's data, for a request received by email: the professor's alone. The erase post lacks the
        // confirmation tick, so the professor's is refused with 400 past authorization and {app} stays for the rows below.
        ("GET", "/review/applicants/{app}/export", [], ProfessorOnly),
        ("GET", "/review/applicants/{app}/erase", [], ProfessorOnly),
        ("POST", "/review/applicants/{app}/erase", ["Reason=RequestReceived"], ProfessorOnly),
        // Interviews are the professor's: slots, their cancellation ({slot}: a slot of {intake}) and invitations
        // (the matrix's application is under review, so inviting it is skipped and said so, past authorization).
        ("GET", "/review/interviews", [], ProfessorOnly),
        ("GET", "/review/interviews?intake={intake}", [], ProfessorOnly),
        ("POST", "/review/interviews/slots", ["intake={intake}", "date=2027-01-10", "start=09:00", "length=30", "mode=OnSite", "location=Room 1", "capacity=1"], ProfessorOnly),
        ("POST", "/review/interviews/slots/{slot}/cancel", [], ProfessorOnly),
        ("POST", "/review/interviews/invitations", ["ids={app}", "intake={intake}"], ProfessorOnly),
        // Retention: the coming erasures, keep longer ({app}'s due date is years away, so the professor's post is refused with 400
        // past authorization: no date), and the admitted students' months.
        ("GET", "/review/retention", [], ProfessorOnly),
        ("GET", "/review/retention/{app}/keep", [], ProfessorOnly),
        ("POST", "/review/retention/{app}/keep", ["Reason=Matrix"], ProfessorOnly),
        ("GET", "/review/settings/retention", [], ProfessorOnly),
        ("POST", "/review/settings/retention", ["months=36"], ProfessorOnly),
        ("GET", "/review/settings/scoring", [], ProfessorOnly),
        ("POST", "/review/settings/scoring", ["blind=on"], ProfessorOnly),
        ("GET", "/review/templates", [], ProfessorOnly),
        ("GET", "/review/templates/Interview/en", [], ProfessorOnly),
        ("POST", "/review/templates/Interview/en", ["subject=Interview for {reference}", "body=Dear {name}, let us talk."], ProfessorOnly),
        ("POST", "/review/templates/Interview/en/restore", [], ProfessorOnly),
        ("GET", "/review/templates/milestones/{milestone}/en", [], ProfessorOnly),
        // Official steps: staff who see the application read them; only the professor records them
        // (the matrix's application is under review, so the professor's post is refused with 400, past authorization).
        ("GET", "/review/applications/{app}/milestones", [], AssignedStaff),
        ("POST", "/review/applications/{app}/milestones", ["kind=OfficialApplication", "occurredOn=2026-03-01"], [S, F, F, N, S, O]),
        ("GET", "/review/reviewers", [], ProfessorOnly),
        ("POST", "/review/reviewers/invite", ["email=new.reviewer@example.edu", "displayName=New Reviewer"], ProfessorOnly),
        ("POST", "/review/reviewers/{victim}/resend", [], ProfessorOnly),
        ("POST", "/review/reviewers/{victim}/disable", [], ProfessorOnly),
        ("POST", "/review/reviewers/{victim}/enable", [], ProfessorOnly),
        ("GET", "/review/emails", [], ProfessorOnly),
        ("POST", "/review/emails/{email}/resend", [], ProfessorOnly),
        ("GET", "/review/audit", [], ProfessorOnly),
        ("GET", "/review/settings/alerts", [], ProfessorOnly),
        ("POST", "/review/settings/alerts", ["mode=Each"], ProfessorOnly),
        ("GET", "/review/settings/intakes", [], ProfessorOnly),
        ("POST", "/review/settings/intakes", ["Code=2031.09", "Programs=PhD", "PhdQuota=2"], ProfessorOnly),
        ("GET", "/review/settings/intakes/{intake}", [], ProfessorOnly),
        ("POST", "/review/settings/intakes/{intake}", ["Code=2030.09", "Programs=PhD", "Programs=Master"], ProfessorOnly),
        ("POST", "/review/settings/intakes/{intake}/close", [], ProfessorOnly),
        ("POST", "/review/settings/intakes/{intake}/open", [], ProfessorOnly),
        ("GET", "/review/settings/content", [], ProfessorOnly),
        ("GET", "/review/settings/content/profile", [], ProfessorOnly),
        ("POST", "/review/settings/content/profile", ["Name="], ProfessorOnly),
        ("GET", "/review/settings/content/{section}", [], ProfessorOnly),
        ("POST", "/review/settings/content/{section}", ["En=Best paper award", "Zh=最佳论文奖"], ProfessorOnly),
        ("GET", "/review/settings/content/{section}/{item}", [], ProfessorOnly),
        ("POST", "/review/settings/content/{section}/{item}", ["En=Outstanding reviewer", "Zh=杰出审稿人"], ProfessorOnly),
        ("POST", "/review/settings/content/{section}/{item}/move", ["direction=up"], ProfessorOnly),
        ("POST", "/review/settings/content/{section}/{item}/delete", [], ProfessorOnly),
        ("GET", "/review/settings/content/publications", [], ProfessorOnly),
        ("GET", "/review/settings/content/publications/new", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/new", ["Title="], ProfessorOnly),
        ("GET", "/review/settings/content/publications/{publication}", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/{publication}", ["Title="], ProfessorOnly),
        ("POST", "/review/settings/content/publications/{publication}/move", ["direction=down"], ProfessorOnly),
        ("GET", "/review/settings/content/publications/{publication}/delete", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/{publication}/delete", [], ProfessorOnly),
        ("POST", "/review/settings/content/profile/photo", [], ProfessorOnly),
        ("POST", "/review/settings/content/profile/photo/delete", [], ProfessorOnly),
        ("GET", "/review/settings/content/people", [], ProfessorOnly),
        ("POST", "/review/settings/content/people", ["Name="], ProfessorOnly),
        ("GET", "/review/settings/content/people/{member}", [], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}", ["Name="], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}/move", ["direction=up"], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}/alumni", ["LeftIn="], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}/photo", [], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}/photo/delete", [], ProfessorOnly),
        ("POST", "/review/settings/content/people/{member}/delete", [], ProfessorOnly),
        ("GET", "/review/settings/content/publications/import", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/import", ["text=@misc{x, title={A}}"], ProfessorOnly),
        ("GET", "/review/settings/content/news", [], ProfessorOnly),
        ("POST", "/review/settings/content/news", ["Date="], ProfessorOnly),
        ("GET", "/review/settings/content/news/{news}", [], ProfessorOnly),
        ("POST", "/review/settings/content/news/{news}", ["Date="], ProfessorOnly),
        ("GET", "/review/settings/content/news/{news}/delete", [], ProfessorOnly),
        ("POST", "/review/settings/content/news/{news}/delete", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/import/confirm", ["text="], ProfessorOnly),
        ("GET", "/review/settings/content/publications/dblp", [], ProfessorOnly),
        ("POST", "/review/settings/content/publications/dblp", ["person="], ProfessorOnly),
        ("GET", "/account/2fa", [], AnyStaff),
        ("POST", "/account/2fa/enable", ["code=000000"], AnyStaff),
        ("POST", "/account/2fa/recovery-codes", [], AnyStaff),
        ("POST", "/account/2fa/disable", [], AnyStaff),
        ("GET", "/admin/jobs", [], ProfessorOnly),
        ("GET", "/admin/jobs/{jobs}", [], ProfessorOnly),
    ];

    /// <summary>Routes under /account that anyone may use (signing in is how one becomes staff).</summary>
    private static readonly string[] PublicAccountRoutes =
        ["account/signin", "account/signin/2fa", "account/signout", "account/signout-everywhere", "account/set-password", "account/setup", "account/forgot-password"];

    [Fact]
    public async Task Every_staff_route_answers_each_kind_of_visitor_as_the_table_says()
    {
        var world = await CreateWorldAsync();
        var observed = new List<(string Route, string[] Cells)>();
        var failures = new List<string>();

        foreach (var (method, path, form, expected) in Routes)
        {
            var cells = new string[Visitors.Length];
            for (var visitor = 0; visitor < Visitors.Length; visitor++)
            {
                var client = world.Clients[visitor];
                var url = world.Fill(path);
                using var response = method == "GET"
                    ? await client.GetAsync(url)
                    : await client.PostAsync(url, new FormUrlEncodedContent(
                        form.Select(world.Fill).Select(Split).Append(new(HtmlForms.AntiforgeryField, world.Tokens[visitor]))));
                var actual = Classify(response);
                // A page must really be served; an action may answer with its redirect or a form error.
                if (actual == Outcome.Ok && method == "GET" && response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"GET {path} as {Visitors[visitor]} answered {(int)response.StatusCode}");
                }

                cells[visitor] = Cell(actual, response) + (actual == expected[visitor] ? string.Empty : " (expected " + expected[visitor] + ")");
                if (actual != expected[visitor])
                {
                    failures.Add($"{method} {path} as {Visitors[visitor]}: expected {expected[visitor]}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }

            observed.Add(($"{method} {path}", cells));
        }

        WriteTable(observed);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void The_table_names_every_staff_route_the_app_has()
    {
        var inTable = Routes.Select(r => $"{r.Method} {Pattern(r.Path)}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var staff = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(e => e.Pattern.StartsWith("review", StringComparison.Ordinal) || e.Pattern.StartsWith("admin", StringComparison.Ordinal)
                || (e.Pattern.StartsWith("account", StringComparison.Ordinal) && !PublicAccountRoutes.Contains(e.Pattern)))
            .SelectMany(e => e.Methods.Where(m => m != "HEAD").Select(m => $"{m} {Normalize(e.Pattern)}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(staff);
        var missing = staff.Where(route => !inTable.Contains(route)).ToList();
        Assert.True(missing.Count == 0, "Staff routes missing from the authorization matrix: " + string.Join(", ", missing));
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/signin", StringComparison.Ordinal) => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/error/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Unauthorized => Outcome.SignIn,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            // The page, a download, the action done (redirect elsewhere) or a form error: all past authorization.
            _ when (int)response.StatusCode < 500 => Outcome.Ok,
            _ => throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} failed with {(int)response.StatusCode}"),
        };
    }

    /// <summary>"/review/applications/{app}/notes" → "review/applications/{}/notes", without the query.</summary>
    private static string Pattern(string path) => Normalize(path.Split('?')[0].TrimStart('/'));

    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]*\}|(?<=/)(Interview|en)(?=/|$)", "{}");

    private static KeyValuePair<string, string> Split(string field)
    {
        var at = field.IndexOf('=', StringComparison.Ordinal);
        return new(field[..at], field[(at + 1)..]);
    }

    private static void WriteTable(List<(string Route, string[] Cells)> rows)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"| route | {string.Join(" | ", Visitors)} |");
        table.AppendLine(CultureInfo.InvariantCulture, $"| --- |{string.Concat(Enumerable.Repeat(" --- |", Visitors.Length))}");
        foreach (var (route, cells) in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| `{route}` | {string.Join(" | ", cells)} |");
        }

        File.WriteAllText(Path.Combine(RepositoryPaths.TestOutput("."), "authorization-matrix.md"), table.ToString());
    }

    /// <summary>The table's cell: the status, and where a redirect leads (without its query).</summary>
    private static string Cell(Outcome outcome, HttpResponseMessage response) => outcome switch
    {
        Outcome.SignIn => "302 → sign in",
        Outcome.Forbidden => "403",
        Outcome.NotFound => "404",
        _ when response.Headers.Location is { } location => "302 → " + location.OriginalString.Split('?')[0],
        _ => ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The people, their sessions and tokens, and the records the routes point at.</summary>
    private sealed record World(HttpClient[] Clients, string[] Tokens, Dictionary<string, string> Values)
    {
        public string Fill(string text) =>
            Values.Aggregate(text, (current, pair) => current.Replace("{" + pair.Key + "}", pair.Value, StringComparison.Ordinal));
    }

    private async Task<World> CreateWorldAsync()
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        var reviewer = await app.CreateUserAsync(Roles.Reviewer);
        var unassigned = await app.CreateUserAsync(Roles.Reviewer);
        var disabled = await app.CreateUserAsync(Roles.Reviewer);
        var victim = await app.CreateUserAsync(Roles.Reviewer);
        var professor = await app.CreateUserAsync(Roles.Professor);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        int applicationId, documentId, intakeId, accomplishmentId, publicationId, viewId, letterId, slotId, memberId, newsId;
        Guid emailId;
        await using (var db = app.CreateDbContext())
        {
            var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
            var application = new Application
            {
                ApplicantId = applicant.Id,
                IntakeId = intake.Id,
                Program = StudyPrograms.PhD,
                Status = ApplicationStatus.UnderReview,
                FullName = "Li Ming",
                Culture = "en",
                ReferenceNumber = "HZ-2026-90001",
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                SubmittedAtUtc = now,
            };
            application.Documents.Add(new ApplicationDocument
            {
                Kind = DocumentKind.Cv,
                FileName = "cv.pdf",
                SizeBytes = pdf.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
                UploadedAtUtc = now,
                Content = new DocumentContent { Bytes = pdf },
            });
            db.Applications.Add(application);
            var email = new EmailMessage
            {
                Kind = "Test",
                ToAddress = "someone@example.com",
                Subject = "A message that failed",
                TextBody = "Hello",
                HtmlBody = "<p>Hello</p>",
                Status = EmailStatus.Failed,
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
                Attempts = 5,
                LastError = "550 mailbox unavailable",
            };
            db.EmailMessages.Add(email);
            await db.SaveChangesAsync();
            db.ReviewerAssignments.Add(new ReviewerAssignment { ApplicationId = application.Id, ReviewerId = reviewer.Id, AssignedAtUtc = now });
            await db.SaveChangesAsync();
            // An intake of its own for the settings routes to edit, open and close.
            var spare = new Intake { Code = "2030.03", EnrollmentDate = new DateOnly(2030, 3, 1), Programs = StudyPrograms.PhD };
            db.Intakes.Add(spare);
            // Content of its own for the editor's routes to change, move and delete (deletes come last in the table).
            var accomplishment = new Accomplishment { Name = new LocalizedText("Test award", "测试奖"), SortOrder = 99 };
            var publication = new Publication
            {
                Slug = "matrix-test-paper", Title = "Matrix Test Paper", Year = 2026, Venue = "TEST", VenueLabel = "TEST2026",
                Type = PublicationType.Conference, SortOrder = 99,
            };
            db.Accomplishments.Add(accomplishment);
            db.Publications.Add(publication);
            var member = new LabMember { Name = "Matrix Test Student", Role = LabRole.PhdStudent, StartYear = 2024, SortOrder = 99, UpdatedAtUtc = now };
            db.LabMembers.Add(member);
            var view = new SavedView { OwnerId = victim.Id, Name = "Theirs", Query = "status=Submitted", CreatedAtUtc = now };
            db.SavedViews.Add(view);
            await db.SaveChangesAsync();
            viewId = view.Id;
            memberId = member.Id;
            // A referee's PDF letter for the assigned application: staff read it in the reader.
            var letter = new LetterRequest
            {
                ApplicationId = application.Id, RefereeName = "Prof. Referee", RefereeEmail = "referee@example.edu", RefereeInstitution = "ZJU",
                Relationship = "Supervisor", Links = [new LetterLink { TokenHash = new string('a', 64), IssuedAtUtc = now }], State = LetterState.Received, RequestedAtUtc = now, ExpiresAtUtc = now.AddDays(30),
                Content = new LetterContent { FileName = "letter.pdf", SizeBytes = 4, Sha256 = new string('b', 64), PageCount = 1, Bytes = ApplicationDrafts.Pdf() },
            };
            db.LetterRequests.Add(letter);
            await db.SaveChangesAsync();
            letterId = letter.Id;
            var slot = new InterviewSlot
            {
                IntakeId = spare.Id, StartsAtUtc = now.AddDays(20), LengthMinutes = 30, Mode = InterviewMode.OnSite, Location = "Room 1", Capacity = 1, CreatedAtUtc = now,
            };
            db.InterviewSlots.Add(slot);
            await db.SaveChangesAsync();
            slotId = slot.Id;
            var news = new NewsItem { Date = new DateOnly(2026, 1, 1), Text = new LocalizedText("Matrix news", ""), CreatedAtUtc = now, UpdatedAtUtc = now };
            db.News.Add(news);
            await db.SaveChangesAsync();
            newsId = news.Id;
            (applicationId, documentId, emailId, intakeId) = (application.Id, application.Documents[0].Id, email.Id, spare.Id);
            (accomplishmentId, publicationId) = (accomplishment.Id, publication.Id);
        }

        var clients = new[]
        {
            app.CreateHttpsClient(),
            await app.CreateClientSignedInAsAsync(applicant),
            await app.CreateClientSignedInAsAsync(reviewer),
            await app.CreateClientSignedInAsAsync(unassigned),
            await app.CreateClientSignedInAsAsync(disabled),
            await app.CreateClientSignedInAsAsync(professor),
        };
        // A real token for each visitor, as their browser would have from any form.
        var tokens = new string[clients.Length];
        for (var i = 0; i < clients.Length; i++)
        {
            tokens[i] = await clients[i].GetAntiforgeryTokenAsync("/contact");
        }

        // Disabled after signing in: the open session must end, not just new sign-ins.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RecruitUser>>();
            var user = await users.FindByIdAsync(disabled.Id);
            user!.IsDisabled = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
        }

        return new World(clients, tokens, new Dictionary<string, string>
        {
            ["app"] = applicationId.ToString(CultureInfo.InvariantCulture),
            ["doc"] = documentId.ToString(CultureInfo.InvariantCulture),
            ["email"] = emailId.ToString(),
            ["victim"] = victim.Id,
            ["reviewer"] = reviewer.Id,
            ["jobs"] = "recurring",
            ["intake"] = intakeId.ToString(CultureInfo.InvariantCulture),
            ["section"] = "accomplishments",
            ["item"] = accomplishmentId.ToString(CultureInfo.InvariantCulture),
            ["publication"] = publicationId.ToString(CultureInfo.InvariantCulture),
            ["news"] = newsId.ToString(CultureInfo.InvariantCulture),
            ["milestone"] = "PendingAdmission",
            ["view"] = viewId.ToString(CultureInfo.InvariantCulture),
            ["letter"] = letterId.ToString(CultureInfo.InvariantCulture),
            ["slot"] = slotId.ToString(CultureInfo.InvariantCulture),
            ["member"] = memberId.ToString(CultureInfo.InvariantCulture),
        });
    }
}
