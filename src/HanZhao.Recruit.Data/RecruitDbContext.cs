using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Configurations;
using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Data.Interest;
using HanZhao.Recruit.Data.Interviews;
using HanZhao.Recruit.Data.Jobs;
using HanZhao.Recruit.Data.Letters;
using HanZhao.Recruit.Data.Notifications;
using HanZhao.Recruit.Data.Privacy;
using HanZhao.Recruit.Data.Review;
using HanZhao.Recruit.Data.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Data;

/// <summary>
/// The single database: Identity, Data Protection keys (so restarts and several instances keep
/// cookies and links valid) and, as features arrive, everything else.
/// </summary>
public class RecruitDbContext(DbContextOptions<RecruitDbContext> options)
    : IdentityDbContext<RecruitUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<ResearchInterest> ResearchInterests => Set<ResearchInterest>();

    public DbSet<Education> Education => Set<Education>();

    public DbSet<Accomplishment> Accomplishments => Set<Accomplishment>();

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<PhotoRendition> PhotoRenditions => Set<PhotoRendition>();

    public DbSet<LabMember> LabMembers => Set<LabMember>();
    public DbSet<NewsItem> News => Set<NewsItem>();

    public DbSet<Intake> Intakes => Set<Intake>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();

    public DbSet<ApplicationInterest> ApplicationInterests => Set<ApplicationInterest>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<ApplicationStatusChange> ApplicationStatusChanges => Set<ApplicationStatusChange>();

    public DbSet<ApplicationMilestone> ApplicationMilestones => Set<ApplicationMilestone>();

    public DbSet<InterestRegistration> InterestRegistrations => Set<InterestRegistration>();

    public DbSet<RegistrationAnnouncement> RegistrationAnnouncements => Set<RegistrationAnnouncement>();

    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();

    public DbSet<ApplicationNote> ApplicationNotes => Set<ApplicationNote>();

    public DbSet<ApplicationScore> ApplicationScores => Set<ApplicationScore>();

    public DbSet<ApplicationTag> ApplicationTags => Set<ApplicationTag>();

    public DbSet<ReviewerAssignment> ReviewerAssignments => Set<ReviewerAssignment>();

    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public DbSet<LetterRequest> LetterRequests => Set<LetterRequest>();

    public DbSet<LetterContent> LetterContents => Set<LetterContent>();

    public DbSet<LetterLink> LetterLinks => Set<LetterLink>();

    public DbSet<LetterRequirement> LetterRequirements => Set<LetterRequirement>();

    public DbSet<InterviewSlot> InterviewSlots => Set<InterviewSlot>();

    public DbSet<InterviewInvitation> InterviewInvitations => Set<InterviewInvitation>();

    public DbSet<InterviewBooking> InterviewBookings => Set<InterviewBooking>();

    public DbSet<DuplicateDismissal> DuplicateDismissals => Set<DuplicateDismissal>();

    public DbSet<ReviewSettings> ReviewSettings => Set<ReviewSettings>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<LimitSlot> LimitSlots => Set<LimitSlot>();

    public DbSet<RetentionRun> RetentionRuns => Set<RetentionRun>();

    public DbSet<PublicContentVersion> PublicContentVersions => Set<PublicContentVersion>();

    public DbSet<PeriodicRun> PeriodicRuns => Set<PeriodicRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RecruitDbContext).Assembly);
        if (Database.IsSqlServer())
        {
            // SQL Server indexes a float computed column only when it is persisted.
            builder.Entity<Application>().Property(a => a.RankShare).HasComputedColumnSql(ApplicationConfiguration.RankShareSql, stored: true);
        }
    }
}
