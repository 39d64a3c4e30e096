using System.Security.Cryptography;
using HanZhao.Recruit.Web.Platform.Backups;

namespace HanZhao.Recruit.Tests.Platform.Backups;

/// <summary>
/// <c>backup</c> and <c>restore</c> as the operator runs them, on a database an app made: what each
/// refuses (a damaged copy, a file that is not a database or not ours, a running app, SQL Server),
/// with its reason and a non-zero exit code, changing nothing.
/// </summary>
public sealed class BackupCommandTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Jobs:Enabled"] = "false" };

    [Fact]
    public async Task The_backup_command_writes_a_checked_copy_named_by_the_time_and_says_where_and_how_big()
    {
        using var data = await StoppedAppDataAsync();
        using var backups = new TemporaryDirectory("backup-copies");

        var (exitCode, output) = await OperatorCommand.RunAsync(data.Path, "backup", "--to", backups.Path);

        Assert.Equal(0, exitCode);
        var file = Assert.Single(Directory.GetFiles(backups.Path));
        Assert.Matches(@"^recruit-\d{8}-\d{6}Z\.db$", Path.GetFileName(file));
        Assert.Contains($"Backup written: {file} ({new FileInfo(file).Length:N0} bytes); integrity check ok.", output, StringComparison.Ordinal);
        Assert.Null(SqliteCopies.Problem(file));
    }

    [Fact]
    public async Task A_damaged_database_gives_no_backup_the_command_says_it_failed_the_integrity_check_and_exits_non_zero()
    {
        using var data = await StoppedAppDataAsync();
        using var backups = new TemporaryDirectory("backup-copies");
        OperatorCommand.FlipBytes(Path.Combine(data.Path, "recruit.db"));

        var (exitCode, output) = await OperatorCommand.RunAsync(data.Path, "backup", "--to", backups.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("Backup failed; no copy was kept.", output, StringComparison.Ordinal);
        Assert.Contains("failed SQLite's integrity check", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(backups.Path));
    }

    [Theory]
    [InlineData("damaged backup")]
    [InlineData("not a database")]
    [InlineData("empty file")]
    [InlineData("another SQLite database")]
    [InlineData("no such file")]
    public async Task Restore_refuses_a_file_that_is_damaged_not_a_database_or_not_ours_and_changes_nothing(string kind)
    {
        using var data = await StoppedAppDataAsync();
        using var files = new TemporaryDirectory("restore-input");
        var candidate = await CandidateAsync(kind, data.Path, files.Path);
        var before = Fingerprint(data.Path);

        var (exitCode, output) = await OperatorCommand.RunAsync(data.Path, "restore", "--from", candidate);

        Assert.Equal(1, exitCode);
        Assert.Contains("Restore refused:", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", output, StringComparison.Ordinal);
        Assert.Contains(kind switch
        {
            "damaged backup" => "failed SQLite's integrity check",
            "not a database" => "is not a readable SQLite database",
            "no such file" => "there is no file",
            _ => "not a HanZhao.Recruit one",
        }, output, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(data.Path));
    }

    [Fact]
    public async Task Restore_refuses_while_the_app_has_the_database_open_and_works_once_it_is_stopped()
    {
        using var data = new TemporaryDirectory("restore-running");
        using var backups = new TemporaryDirectory("backup-copies");
        await using var app = await AppProcess.StartAsync(data.Path, Settings);
        Assert.Equal(0, (await OperatorCommand.RunAsync(data.Path, "backup", "--to", backups.Path)).ExitCode);
        var copy = Assert.Single(Directory.GetFiles(backups.Path));

        var (exitCode, output) = await OperatorCommand.RunAsync(data.Path, "restore", "--from", copy);

        Assert.Equal(1, exitCode);
        Assert.Contains("the app has", output, StringComparison.Ordinal);
        Assert.Contains("Stop the app, then restore.", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(data.Path, "recruit.db*"), f => f.EndsWith("recruit.db", StringComparison.Ordinal));

        await app.StopAsync();
        var restored = await OperatorCommand.RunAsync(data.Path, "restore", "--from", copy);
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("the database it replaced is kept as", restored.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(data.Path, "recruit.db.before-restore-*Z"));
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(copy)), SHA256.HashData(File.ReadAllBytes(Path.Combine(data.Path, "recruit.db"))));
    }

    [Theory]
    [InlineData("backup", "BACKUP DATABASE")]
    [InlineData("restore", "RESTORE DATABASE")]
    public async Task With_SQL_Server_the_commands_explain_that_backups_are_the_servers_and_exit_non_zero(string command, string statement)
    {
        using var data = new TemporaryDirectory("backup-sqlserver");
        var sqlServer = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Recruit"] = "Server=db.invalid;Database=HanZhaoRecruit;User Id=sa;Password=unused",
        };

        var (exitCode, output) = await OperatorCommand.RunAsync(data.Path, sqlServer, command, "--from", "x.db");

        Assert.Equal(2, exitCode);
        Assert.Contains(statement, output, StringComparison.Ordinal);
        Assert.Contains("README, \"Backups and restore\"", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(data.Path));
    }

    /// <summary>A data folder whose app has started once (migrated, seeded) and stopped.</summary>
    private static async Task<TemporaryDirectory> StoppedAppDataAsync()
    {
        var data = new TemporaryDirectory("backup-data");
        await using var app = await AppProcess.StartAsync(data.Path, Settings);
        await app.StopAsync();
        return data;
    }

    private static async Task<string> CandidateAsync(string kind, string dataPath, string folder)
    {
        var file = Path.Combine(folder, "candidate.db");
        switch (kind)
        {
            case "damaged backup":
                Assert.Equal(0, (await OperatorCommand.RunAsync(dataPath, "backup", "--to", folder)).ExitCode);
                File.Move(Assert.Single(Directory.GetFiles(folder)), file);
                OperatorCommand.FlipBytes(file);
                break;
            case "not a database":
                await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 31))]);
                break;
            case "empty file":
                await File.WriteAllBytesAsync(file, []);
                break;
            case "another SQLite database":
                await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
                {
                    await other.OpenAsync();
                    await using var command = other.CreateCommand();
                    command.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT); INSERT INTO Notes (Text) VALUES ('not ours');";
                    await command.ExecuteNonQueryAsync();
                }

                break;
            default:
                return Path.Combine(folder, "missing.db");
        }

        return file;
    }

    /// <summary>Each file of the data folder with its SHA-256: "nothing changed" is this, equal before and after.</summary>
    private static string Fingerprint(string dataPath) =>
        string.Join("\n", Directory.GetFiles(dataPath, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(dataPath, f)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
