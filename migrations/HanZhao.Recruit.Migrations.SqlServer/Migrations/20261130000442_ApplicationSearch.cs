using HanZhao.Recruit.Data.Migrations;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HanZhao.Recruit.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ApplicationSearchSql.Up(migrationBuilder, sqlServer: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ApplicationSearchSql.Down(migrationBuilder, sqlServer: true);
        }
    }
}
