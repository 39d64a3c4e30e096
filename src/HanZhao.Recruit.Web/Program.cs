using HanZhao.Recruit.Web.Account;
using HanZhao.Recruit.Web.Applicant;
using HanZhao.Recruit.Web.Apply;
using HanZhao.Recruit.Web.Apply.SignIn;
using HanZhao.Recruit.Web.Demo;
using HanZhao.Recruit.Web.Interviews;
using HanZhao.Recruit.Web.Letters;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Backups;
using HanZhao.Recruit.Web.Platform.Caching;
using HanZhao.Recruit.Web.Platform.Database;
using HanZhao.Recruit.Web.Platform.Errors;
using HanZhao.Recruit.Web.Platform.Health;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.Platform.Jobs;
using HanZhao.Recruit.Web.Platform.Localization;
using HanZhao.Recruit.Web.Platform.Security;
using HanZhao.Recruit.Web.Privacy;
using HanZhao.Recruit.Web.PublicSite;
using HanZhao.Recruit.Web.PublicSite.Contact;
using HanZhao.Recruit.Web.PublicSite.Interest;
using HanZhao.Recruit.Web.PublicSite.News;
using HanZhao.Recruit.Web.PublicSite.Search;
using HanZhao.Recruit.Web.Review;
using HanZhao.Recruit.Web.Settings;

// `backup` and `restore` are the operator's commands (Platform/Backups/): they run instead of the web server.
if (BackupCommands.Requested(args)) return await BackupCommands.RunAsync(args);

// Settings and static files from the app's own folder, wherever it is started from. `--demo` is
// the app's own switch (Demo/), not a setting for the host.
var builder = WebApplication.CreateBuilder(AppFolder.Options(DemoSetup.HostArguments(args))).UseBuildOutputAssets();

// The plumbing (Platform/), then one registration per capability folder.
builder.Services
    .AddRecruitDatabase()
    .AddRecruitSecurity()
    .AddTrustedProxies()
    .AddRequestSizeLimits()
    .AddRecruitLocalization()
    .AddRecruitHealthChecks()
    .AddPublicPageCache()
    .AddRecruitNotifications()
    .AddRecruitJobs()
    .AddBackups()
    .AddRecruitMvc();
builder.Services
    .AddPublicContent()
    .AddNews()
    .AddSiteSearch()
    .AddContactForm()
    .AddApplicantSignIn()
    .AddApplications()
    .AddApplicantPortal()
    .AddStaffAccounts()
    .AddReview()
    .AddSettings()
    .AddInterestRegistrations()
    .AddLetters()
    .AddInterviews()
    .AddPrivacy()
    .AddDemoMode(DemoSetup.Requested(args));

var app = builder.Build();

await app.MigrateDatabaseAsync();
app.ReportSiteAddress();

// Before everything that reads the client's address, scheme or host (a trusted proxy's headers).
app.UseTrustedProxies();
app.UseHostCheck();
app.UseHttpsRedirectionOutsideDevelopment();
// The language before the error pages: a page re-executed for an error keeps the request's language.
app.UseRequestLocalization();
app.UseRememberedCulture();
app.UseRecruitErrorHandling();
app.UseSecurityHeaders();
app.UseRouting();
app.UseEndpointRequestSizeLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// Another instance's content change empties this one's cache within the check interval (Platform/Caching).
app.UsePublicContentVersionCheck();
app.UseOutputCache();
// After the cache: runs only when an entry is made, so each public page is compressed once per entry.
app.UsePublicPageEncoding();

app.MapRecruitHealthChecks();
app.MapStaticAssets().NotFoundWhenUnreadable(app.Environment);
app.MapControllers().WithStaticAssets();
app.MapRecruitJobs();

await app.RunAsync();
return 0;
