using HanZhao.Recruit.Data;
using HanZhao.Recruit.Migrations.Sqlite.CompiledModel;
using HanZhao.Recruit.Web.Account;
using HanZhao.Recruit.Web.Demo;
using HanZhao.Recruit.Web.Notifications;
using HanZhao.Recruit.Web.Platform.Hosting;
using HanZhao.Recruit.Web.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace HanZhao.Recruit.Web.Platform.Database;

public static class DatabaseSetup
{
    /// <summary>Registers the DbContext for the configured provider. Configuration is read when the
    /// first context is built, so hosts and tests can override it until then.</summary>
    public static IServiceCollection AddRecruitDatabase(this IServiceCollection services)
    {
        services.AddOptions<RecruitOptions>().BindConfiguration(RecruitOptions.Section);
        services.AddSingleton(sp => DatabaseConnection.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IOptions<RecruitOptions>>().Value
                .ResolveDataPath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<WalCheckpoints>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpoints>());
        services.AddDbContext<RecruitDbContext>((sp, options) =>
        {
            var connection = sp.GetRequiredService<DatabaseConnection>();
            options.UseRecruitDatabase(connection.Provider, connection.ConnectionString);
            if (connection.Provider == DatabaseProvider.Sqlite)
            {
                // The model built ahead of time (migrations/compile-model.sh): a start does not build it from
                // OnModelCreating, a third of the published app's start-up on an empty database (docs/PERFORMANCE.md).
                // Platform/CompiledModelTests fail when it no longer matches the model.
                options.UseModel(RecruitDbContextModel.Instance);
            }

            // Migrate's own check for model changes without a migration builds the model from OnModelCreating
            // again and compares it with the snapshot, on every start; MigrationTests make the same check for both
            // providers on every test run, so a release cannot lack a migration.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
            // Starts the email job after a commit that queued mail (see Notifications/OutboxTrigger);
            // SQLite's settings per connection (ConnectionPragmas); the write-ahead log copied after commits (WalCheckpoints).
            options.AddInterceptors(sp.GetRequiredService<OutboxTrigger>(), sp.GetRequiredService<ApplicantReplyTo>(), new ConnectionPragmas(),
                sp.GetRequiredService<WalCheckpoints>());
        },
        // The options are built once, not for every context (each request's): building them and finding EF's
        // services for them again was 2% of the app's CPU under the submit load (docs/PERFORMANCE.md). Everything
        // above is a singleton or stateless.
        contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>
    /// Applies pending migrations and seeds an empty database before the app takes requests, so
    /// `dotnet run` and `docker compose up` need no separate step.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var connection = app.Services.GetRequiredService<DatabaseConnection>();
        if (connection.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecruitDbContext>();
        await db.Database.MigrateAsync();
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers continue while one request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await ContentSeeder.SeedAsync(db, app.Services.GetRequiredService<TimeProvider>());
        await ProfessorBootstrap.EnsureProfessorAsync(app.Services, app.Logger);
        await DemoSeeder.RunAsync(app.Services);

        app.Logger.LogInformation("Database ready: {Provider} {Location}",
            connection.Provider, connection.SqliteFile ?? db.Database.GetDbConnection().Database);
    }
}
