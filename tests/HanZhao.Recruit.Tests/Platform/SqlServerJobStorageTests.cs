using HanZhao.Recruit.Web.Platform.Jobs;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>Several instances share Hangfire's SQL Server storage: the options its documentation recommends for that.</summary>
public class SqlServerJobStorageTests
{
    [Fact]
    public void The_SQL_Server_job_storage_has_the_options_recommended_for_several_servers()
    {
        var options = JobsSetup.RecommendedSqlServerStorage();

        Assert.Equal(TimeSpan.FromMinutes(5), options.CommandBatchMaxTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.SlidingInvisibilityTimeout);
        Assert.Equal(TimeSpan.Zero, options.QueuePollInterval);
        Assert.True(options.UseRecommendedIsolationLevel);
        Assert.True(options.DisableGlobalLocks);
        Assert.True(options.PrepareSchemaIfNecessary);
    }
}
