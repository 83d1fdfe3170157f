-- Completing a task looks up its sub-tasks by PARENT_TASK_ID_, which Camunda 7.24 does not index:
-- without this, every completion reads the whole task table.
create index nrm_idx_task_parent on act_ru_task (parent_task_id_);
