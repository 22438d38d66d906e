/** The supervision feature's face (督办/催办): the leaders' list of escalated cases. */
export { SupervisionModule } from './supervision.module';
export { SupervisionService } from './supervision.service';
