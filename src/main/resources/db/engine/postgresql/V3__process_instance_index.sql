-- Cockpit's list of a process definition's running instances, and their count: the process instances
-- (ID_ = PROC_INST_ID_) of one definition and jurisdiction, not every execution of every case.
-- A partial index, which H2 (the demo database) does not have.
create index nrm_idx_exe_process_instances on act_ru_execution (proc_def_id_, tenant_id_) where id_ = proc_inst_id_;
