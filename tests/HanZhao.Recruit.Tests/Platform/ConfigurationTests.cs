using HanZhao.Recruit.Data;
using HanZhao.Recruit.Web.Platform.Database;
using Microsoft.Extensions.Configuration;

namespace HanZhao.Recruit.Tests.Platform;

public class ConfigurationTests
{
    private static DatabaseConnection Resolve(params (string Key, string Value)[] settings) =>
        DatabaseConnection.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            "/srv/recruit-data");

    [Fact]
    public void With_no_configuration_the_database_is_a_sqlite_file_in_the_data_folder()
    {
        var connection = Resolve();

        Assert.Equal(DatabaseProvider.Sqlite, connection.Provider);
        Assert.Equal("/srv/recruit-data/recruit.db", connection.SqliteFile);
    }

    [Fact]
    public void The_connection_string_overrides_the_default_file()
    {
        var connection = Resolve(("ConnectionStrings:Recruit", "Data Source=/var/lib/other.db"));

        Assert.Equal("/var/lib/other.db", connection.SqliteFile);
    }

    [Fact]
    public void SqlServer_is_chosen_by_the_provider_setting_in_any_case()
    {
        var connection = Resolve(("Database:Provider", "sqlserver"), ("ConnectionStrings:Recruit", "Server=db;Database=R"));

        Assert.Equal(DatabaseProvider.SqlServer, connection.Provider);
        Assert.Null(connection.SqliteFile);
    }

    [Fact]
    public void An_unknown_provider_stops_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(("Database:Provider", "Postgres")));

        Assert.Contains("Database:Provider is 'Postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sqlite, SqlServer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_without_a_connection_string_stops_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(("Database:Provider", "SqlServer")));

        Assert.Contains("ConnectionStrings:Recruit is required", error.Message, StringComparison.Ordinal);
    }
}
