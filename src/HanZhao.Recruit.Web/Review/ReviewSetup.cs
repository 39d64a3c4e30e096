using HanZhao.Recruit.Web.Review.Applications;
using HanZhao.Recruit.Web.Review.AuditLog;
using HanZhao.Recruit.Web.Review.Dashboard;
using HanZhao.Recruit.Web.Review.Decisions;
using HanZhao.Recruit.Web.Review.Documents;
using HanZhao.Recruit.Web.Review.InterviewOutcome;
using HanZhao.Recruit.Web.Review.Duplicates;
using HanZhao.Recruit.Web.Review.EmailLog;
using HanZhao.Recruit.Web.Review.Letters;
using HanZhao.Recruit.Web.Review.Milestones;
using HanZhao.Recruit.Web.Review.Reviewers;
using HanZhao.Recruit.Web.Review.SavedViews;
using HanZhao.Recruit.Web.Review.Scoring;
using HanZhao.Recruit.Web.Review.Templates;
using HanZhao.Recruit.Web.Review.Toolbar;

namespace HanZhao.Recruit.Web.Review;

public static class ReviewSetup
{
    /// <summary>The services of the staff pages under /review (their policies are in <c>Platform/Security</c>).</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) =>
        services
            .AddScoped<ReviewDashboard>()
            .AddScoped<CycleWatch>()
            .AddScoped<SavedViewList>()
            .AddScoped<SelectionActions>()
            .AddScoped<ApplicationReview>()
            .AddScoped<ReceivedLetters>()
            .AddScoped<InterviewOutcomes>()
            .AddScoped<ScoringRules>()
            .AddScoped<ScoreFigures>()
            .AddScoped<StatusEmails>()
            .AddScoped<DecisionService>()
            .AddScoped<TemplateEditor>()
            .AddScoped<MilestoneEmails>()
            .AddScoped<MilestoneRecorder>()
            .AddScoped<DocumentExport>()
            .AddScoped<ReviewerAccounts>()
            .AddScoped<EmailOutbox>()
            .AddScoped<AuditTrail>()
            .AddScoped<DuplicateFinder>();
}
