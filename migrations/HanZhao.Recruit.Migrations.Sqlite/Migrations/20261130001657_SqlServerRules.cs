using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SqlServerRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            SqlServerRulesSql.DropKeys(migrationBuilder, sqlServer: false);

            SqlServerRulesSql.RestoreKeys(migrationBuilder, sqlServer: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SqlServerRulesSql.DropKeys(migrationBuilder, sqlServer: false);

            SqlServerRulesSql.RestoreKeys(migrationBuilder, sqlServer: false);
        }
    }
}
