using HanZhao.Recruit.Web.Accounts;
using HanZhao.Recruit.Web.Applicants.Portal;
using HanZhao.Recruit.Web.Applicants.SignIn;
using HanZhao.Recruit.Web.Applications;
using HanZhao.Recruit.Web.Caching;
using HanZhao.Recruit.Web.Contact;
using HanZhao.Recruit.Web.Content;
using HanZhao.Recruit.Web.Database;
using HanZhao.Recruit.Web.Errors;
using HanZhao.Recruit.Web.Health;
using HanZhao.Recruit.Web.Hosting;
using HanZhao.Recruit.Web.Jobs;
using HanZhao.Recruit.Web.Localization;
using HanZhao.Recruit.Web.Review;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Security;
using HanZhao.Recruit.Web.Settings.Content;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddRecruitDatabase()
    .AddRecruitSecurity()
    .AddRequestSizeLimits()
    .AddStaffAccounts()
    .AddRecruitLocalization()
    .AddRecruitHealthChecks()
    .AddPublicPageCache()
    .AddPublicContent()
    .AddRecruitNotifications()
    .AddRecruitJobs()
    .AddApplicantPortal()
    .AddApplications()
    .AddRecruitMvc()
    .AddApplicantSignIn()
    .AddContactForm()
    .AddReview()
    .AddReviewDashboard();
builder.Services.AddApplicationReview();
builder.Services.AddIntakeSettings();
builder.Services.AddContentEditor();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseRecruitErrorHandling();
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseRememberedCulture();
app.UseRouting();
app.UseEndpointRequestSizeLimits();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();

app.MapRecruitHealthChecks();
app.MapStaticAssets();
app.MapControllers().WithStaticAssets();
app.MapRecruitJobs();

await app.RunAsync();
