using HanZhao.Recruit.Data;
using Microsoft.Data.Sqlite;

namespace HanZhao.Recruit.Web.Platform.Database;

/// <summary>
/// Which database the app talks to, decided once from configuration: <c>Database:Provider</c>
/// and <c>ConnectionStrings:Recruit</c>, defaulting to a SQLite file in the data folder.
/// </summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Recruit";

    public static DatabaseConnection FromConfiguration(IConfiguration configuration, string dataPath)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; expected one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is required when Database:Provider is {provider}.");
            }

            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataPath, "recruit.db"),
                // SQLite has one writer at a time: in a burst (fifty uploads at once on a small
                // server) a write waits its turn for up to a minute rather than failing after the
                // default 30 seconds.
                DefaultTimeout = 60,
            }.ToString();
        }

        return new DatabaseConnection(provider, connectionString);
    }

    /// <summary>The SQLite file, when the provider is SQLite and the database is a file.</summary>
    public string? SqliteFile =>
        Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(ConnectionString).DataSource is { Length: > 0 } source
              && source != ":memory:" ? Path.GetFullPath(source) : null
            : null;
}
