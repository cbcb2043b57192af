"""Case log: cases, status history, drafts, evidence, custody log.

Times are stored as naive UTC (``server.cases.models.UTCDateTime``).

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('platform', sa.String(length=40), nullable=False),
    sa.Column('post_url', sa.String(length=2000), nullable=False),
    sa.Column('account_handle', sa.String(length=200), nullable=True),
    sa.Column('post_id', sa.String(length=200), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('redacted_text', sa.Text(), nullable=False),
    sa.Column('data_kinds', sa.JSON(), nullable=False),
    sa.Column('risk_level', sa.String(length=16), nullable=False),
    sa.Column('risk_value', sa.Integer(), nullable=False),
    sa.Column('reason_codes', sa.JSON(), nullable=False),
    sa.Column('target_role', sa.String(length=40), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(), nullable=False),
    sa.Column('follow_up_kind', sa.String(length=40), nullable=True),
    sa.Column('follow_up_at', sa.DateTime(), nullable=True),
    sa.Column('police_report_number', sa.String(length=100), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_follow_up_at', ['follow_up_at'], unique=False)
        batch_op.create_index('ix_cases_risk_level', ['risk_level'], unique=False)
        batch_op.create_index('ix_cases_status', ['status'], unique=False)

    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('moderator', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drafts_case_id'), ['case_id'], unique=False)

    op.create_table('evidence_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('media_type', sa.String(length=60), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('captured_at', sa.DateTime(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('source_url', sa.String(length=2000), nullable=True),
    sa.Column('captured_by', sa.String(length=200), nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('ciphertext', sa.LargeBinary(), nullable=True),
    sa.Column('retain_until', sa.DateTime(), nullable=False),
    sa.Column('purged_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_items_case_id'), ['case_id'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('moderator', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('follow_up_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_changes_case_id'), ['case_id'], unique=False)

    op.create_table('custody_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('moderator', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('detail', sa.String(length=400), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence_items.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('custody_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_custody_log_case_id'), ['case_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('custody_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_custody_log_case_id'))

    op.drop_table('custody_log')
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_changes_case_id'))

    op.drop_table('status_changes')
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_items_case_id'))

    op.drop_table('evidence_items')
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drafts_case_id'))

    op.drop_table('drafts')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_status')
        batch_op.drop_index('ix_cases_risk_level')
        batch_op.drop_index('ix_cases_follow_up_at')

    op.drop_table('cases')
