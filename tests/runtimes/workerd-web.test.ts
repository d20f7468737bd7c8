import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('workerd-web', await loadContractNames())
