using HanZhao.Recruit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>
/// The production database is SQL Server, which cannot run here: the model and the migration script
/// are checked against SQL Server's rules without one. Nothing below opens a connection.
/// </summary>
public class SqlServerModelRulesTests
{
    internal const string UnusedSqlServer = "Server=localhost;Database=HanZhaoRecruit;Trusted_Connection=True;TrustServerCertificate=True";

    [Fact]
    public void The_model_keeps_SQL_Servers_rules()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, UnusedSqlServer));

        var problems = SqlServerModelRules.Check(db);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Two_cascade_paths_to_one_table_are_named()
    {
        using var db = new BrokenModel();

        var problems = SqlServerModelRules.Check(db);

        var cascade = Assert.Single(problems, p => p.StartsWith("Multiple cascade paths", StringComparison.Ordinal));
        Assert.Contains("from Owner to Grandchild", cascade, StringComparison.Ordinal);
        Assert.Contains("FK_Grandchild_Left_LeftId", cascade, StringComparison.Ordinal);
        Assert.Contains("FK_Grandchild_Right_RightId", cascade, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_other_rule_names_what_breaks_it()
    {
        using var db = new BrokenModel();

        var problems = SqlServerModelRules.Check(db);

        Assert.Contains(problems, p => p.Contains("IX_Lefts_Long", StringComparison.Ordinal) && p.Contains("1800 bytes, over the 1700", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PK_Right", StringComparison.Ordinal) && p.Contains("over the 900 of a clustered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IX_Lefts_Notes", StringComparison.Ordinal) && p.Contains("nvarchar(max)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Unique index IX_Lefts_Code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("decimal Left.Fee", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DateTime Left.At is datetime", StringComparison.Ordinal));
        Assert.Equal(7, problems.Count);
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(20)", 20)]
    [InlineData("varbinary(max)", null)]
    [InlineData("nvarchar(max)", null)]
    [InlineData("int", 4)]
    [InlineData("datetime2", 8)]
    [InlineData("decimal(9,2)", 5)]
    public void Store_types_have_their_key_sizes(string storeType, int? bytes) =>
        Assert.Equal(bytes, SqlServerModelRules.MaxBytes(storeType));

    [Fact]
    public void The_idempotent_SQL_Server_script_parses()
    {
        var script = IdempotentScript();

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        // The hand-written part of the SqlServerRules migration is parsed with the rest.
        Assert.Contains("__KeyLengthChange", script, StringComparison.Ordinal);
        var errors = TransactSql.Errors(script);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_broken_statement_in_the_script_fails_the_parse()
    {
        var script = IdempotentScript() + "\nGO\nCREATE TABLE [Broken] ([Id] int NOT NULL,, [Name] nvarchar(20));\nGO\n";

        var errors = TransactSql.Errors(script);

        Assert.Contains(errors, e => e.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void Statements_run_through_EXEC_are_parsed_too()
    {
        var errors = TransactSql.Errors("EXEC(N'CREATE INDEX [IX_A] ON [A] ([B]) WHERE [B] IS NOT NULL');\nGO\nEXEC(N'CREATE INDEX ON [A] ([B]) WHERE');\nGO\n");

        Assert.Single(errors);
        Assert.StartsWith("inside EXEC", errors[0], StringComparison.Ordinal);
    }

    private static string IdempotentScript()
    {
        using var db = new RecruitDbContext(RecruitDatabase.CreateOptions(DatabaseProvider.SqlServer, UnusedSqlServer));
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    /// <summary>Microsoft's own T-SQL parser, at SQL Server 2022's level (docker-compose.yml runs 2022).</summary>
    internal static class TransactSql
    {
        public static List<string> Errors(string script)
        {
            var fragment = Parse(script, out var errors);
            var found = errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
            // EF runs some statements as EXEC(N'...') (filtered indexes, statements a batch cannot hold):
            // their text is a string to the outer parse, so it is parsed on its own.
            var literals = new ExecutedStrings();
            fragment?.Accept(literals);
            foreach (var (line, text) in literals.Found)
            {
                Parse(text, out var inner);
                found.AddRange(inner.Select(e => $"inside EXEC at line {line}: {e.Message}"));
            }

            return found;
        }

        private static TSqlFragment? Parse(string script, out IList<ParseError> errors)
        {
            using var reader = new StringReader(script);
            return new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out errors);
        }

        private sealed class ExecutedStrings : TSqlFragmentVisitor
        {
            public List<(int Line, string Text)> Found { get; } = [];

            public override void ExplicitVisit(ExecutableStringList node)
            {
                if (node.Strings.All(s => s is StringLiteral))
                {
                    Found.Add((node.StartLine, string.Concat(node.Strings.Cast<StringLiteral>().Select(s => s.Value))));
                }

                base.ExplicitVisit(node);
            }
        }
    }

    /// <summary>
    /// A tiny model that breaks every rule once: Owners cascade to Lefts and Rights, and both cascade
    /// to Grandchildren, so deleting an owner reaches a grandchild two ways (SQL Server error 1785).
    /// </summary>
    private sealed class BrokenModel : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlServer(UnusedSqlServer);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Owner>();
            modelBuilder.Entity<Left>(left =>
            {
                left.HasOne<Owner>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
                left.Property(l => l.Long).HasMaxLength(900);
                left.HasIndex(l => l.Long).HasDatabaseName("IX_Lefts_Long");
                left.Property(l => l.Notes).HasColumnType("nvarchar(max)");
                left.HasIndex(l => l.Notes).HasDatabaseName("IX_Lefts_Notes");
                left.HasIndex(l => l.Code).IsUnique().HasFilter(null).HasDatabaseName("IX_Lefts_Code");
                left.Property(l => l.At).HasColumnType("datetime");
            });
            modelBuilder.Entity<Right>(right =>
            {
                right.HasKey(r => r.Name);
                right.Property(r => r.Name).HasMaxLength(500);
                right.HasOne<Owner>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
            });
            modelBuilder.Entity<Grandchild>(grandchild =>
            {
                grandchild.HasOne<Left>().WithMany().HasForeignKey(g => g.LeftId).OnDelete(DeleteBehavior.Cascade);
                grandchild.HasOne<Right>().WithMany().HasForeignKey(g => g.RightId).OnDelete(DeleteBehavior.Cascade);
                grandchild.Property(g => g.RightId).HasMaxLength(500);
            });
        }
    }

    private sealed class Owner
    {
        public int Id { get; set; }
    }

    private sealed class Left
    {
        public int Id { get; set; }

        public int OwnerId { get; set; }

        public string Long { get; set; } = string.Empty;

        public string? Notes { get; set; }

        public string? Code { get; set; }

        public decimal Fee { get; set; }

        public DateTime At { get; set; }
    }

    private sealed class Right
    {
        public string Name { get; set; } = string.Empty;

        public int OwnerId { get; set; }
    }

    private sealed class Grandchild
    {
        public int Id { get; set; }

        public int LeftId { get; set; }

        public string RightId { get; set; } = string.Empty;
    }
}
